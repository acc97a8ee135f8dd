package org.custodiet.web.release;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.custodiet.store.ClaimImporter;
import org.custodiet.store.Database;
import org.custodiet.store.SeedLoader;
import org.custodiet.store.release.Releases;
import org.custodiet.store.search.SearchIndex;
import org.custodiet.web.Site;
import org.custodiet.web.WebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Release pages, API and downloads on a real server: two releases around one import. */
class ReleaseRoutesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path dir;
  private static Database db;
  private static Site site;
  private static WebServer server;
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    db = Database.openDirectory(dir.resolve("db"));
    new SeedLoader(db).loadBundled();
    Releases releases = new Releases(db);
    LocalDate asOf = LocalDate.of(2026, 11, 1);
    releases.create("r1", "Before the import", asOf, "cli:test");
    Path file = dir.resolve("one.json");
    Files.writeString(
        file,
        """
        {"format": "custodiet-claims/1",
         "sources": [{"id": "doc-00aa11bb22cc", "type": "document",
           "url": "https://registry.example.gov/contract/12",
           "title": "Register entry: police face search", "publisher": "Example Registry",
           "published": "2024-05-05", "tier": "A", "kind": "official"}],
         "claims": [{"id": "test/ISL/uses/fr", "kind": "uses", "country_iso3": "ISL",
           "technology": "facial_recognition",
           "evidence": [{"source_id": "doc-00aa11bb22cc",
             "summary": "The register lists a face search system bought by the police"}]}]}
        """);
    new ClaimImporter(db).importFile(file);
    releases.create("r2", "After <b>the</b> import", asOf, "cli:test");
    site = new Site(db, SearchIndex.inMemory());
    server = WebServer.start(site, new WebServer.Options("127.0.0.1", 0));
  }

  @AfterAll
  static void stop() {
    server.close();
    site.close();
    db.close();
  }

  static HttpResponse<String> get(String path) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theApiListsShowsAndDiffsReleases() throws Exception {
    JsonNode list = JSON.readTree(get("/api/v1/releases").body());
    assertThat(list.get("releases").get(0).get("name").asText()).isEqualTo("r2");
    assertThat(list.get("releases").get(1).get("name").asText()).isEqualTo("r1");

    JsonNode r1 = JSON.readTree(get("/api/v1/releases/r1").body());
    assertThat(r1.get("as_of").asText()).isEqualTo("2026-11-01");
    assertThat(r1.get("audit_hash").asText()).hasSize(64);
    assertThat(r1.get("figures").size()).isGreaterThan(5);

    HttpResponse<String> diffResponse = get("/api/v1/releases/r1/diff/r2");
    assertThat(diffResponse.statusCode()).isEqualTo(200);
    JsonNode diff = JSON.readTree(diffResponse.body());
    assertThat(diff.get("summary").get("added").asInt()).isEqualTo(1);
    assertThat(diff.get("added").get(0).get("id").asText()).isEqualTo("test/ISL/uses/fr");
    JsonNode any = null;
    for (JsonNode f : diff.get("figures")) {
      if (f.get("id").asText().equals("countries.any")) {
        any = f;
      }
    }
    assertThat(any.get("delta").asInt()).isEqualTo(1);
    assertThat(get("/api/v1/releases/r2/diff/current").statusCode()).isEqualTo(200);
  }

  @Test
  void badAndUnknownNamesAreRefusedWithTheRightStatus() throws Exception {
    HttpResponse<String> unknown = get("/api/v1/releases/r9");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(unknown.body()).get("message").asText())
        .isEqualTo("unknown release 'r9'");
    HttpResponse<String> bad = get("/api/v1/releases/a%20b/diff/r1");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(bad.body()).get("field").asText()).isEqualTo("name");
    assertThat(get("/api/v1/releases/" + "x".repeat(65)).statusCode()).isEqualTo(400);
    assertThat(get("/releases/r9").statusCode()).isEqualTo(404);
    assertThat(get("/releases/r1/diff/r9").statusCode()).isEqualTo(404);
    assertThat(get("/releases/r1/downloads/claims.doc").statusCode()).isEqualTo(400);
    assertThat(get("/releases/r9/downloads/claims.csv").statusCode()).isEqualTo(404);
    assertThat(get("/releases/r1/downloads/claims.csv?source=no-such-source").statusCode())
        .isEqualTo(404);
  }

  @Test
  void pagesShowReleasesTheirFiguresAndChangesWithDataEscaped() throws Exception {
    HttpResponse<String> list = get("/releases");
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body()).contains("href=\"/releases/r1\"", "href=\"/releases/r2\"");
    assertThat(list.body())
        .contains("After &lt;b&gt;the&lt;/b&gt; import")
        .doesNotContain("<b>the</b>");
    HttpResponse<String> page = get("/releases/r1");
    assertThat(page.body())
        .contains(
            "Release r1", "Countries with AI surveillance", "/releases/r1/downloads/claims.csv");
    HttpResponse<String> diff = get("/releases/r1/diff/r2");
    assertThat(diff.statusCode()).isEqualTo(200);
    assertThat(diff.body()).contains("1 claims added", "test/ISL/uses/fr");
    assertThat(get("/releases/current").body()).contains("The live state");
  }

  @Test
  void aReleaseDownloadsAsFrozen() throws Exception {
    HttpResponse<String> before = get("/releases/r1/downloads/claims.csv");
    HttpResponse<String> after = get("/releases/r2/downloads/claims.csv");
    assertThat(before.statusCode()).isEqualTo(200);
    assertThat(before.headers().firstValue("Content-Disposition").orElseThrow())
        .contains("custodiet-r1-claims-2026-11-01.csv");
    assertThat(before.body()).doesNotContain("test/ISL/uses/fr");
    assertThat(after.body()).contains("test/ISL/uses/fr");
    assertThat(after.body().lines().count()).isEqualTo(before.body().lines().count() + 1);
    HttpResponse<String> figures = get("/releases/r1/downloads/figures.json");
    assertThat(JSON.readTree(figures.body()).toString()).contains("countries.any");
    assertThat(get("/releases/r1/downloads/licence.txt").body()).contains("aigs-2022 (CC-BY-4.0)");
  }
}
