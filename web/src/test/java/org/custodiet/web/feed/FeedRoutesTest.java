package org.custodiet.web.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.custodiet.store.ClaimImporter;
import org.custodiet.store.Database;
import org.custodiet.store.SeedLoader;
import org.custodiet.store.search.SearchIndex;
import org.custodiet.web.Site;
import org.custodiet.web.WebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Atom feeds on a real server over a seeded H2 database: a claim that becomes established and
 * is published by a site reload appears in the feeds at once, parsed back with Rome.
 */
class FeedRoutesTest {
  @TempDir Path dir;
  private Database db;
  private Site site;
  private WebServer server;
  private final HttpClient client = HttpClient.newHttpClient();

  @BeforeEach
  void start() {
    db = Database.openDirectory(dir.resolve("db"));
    new SeedLoader(db).loadBundled();
    site = new Site(db, SearchIndex.inMemory());
    server = WebServer.start(site, new WebServer.Options("127.0.0.1", 0));
  }

  @AfterEach
  void stop() {
    server.close();
    site.close();
    db.close();
  }

  HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static SyndFeed parse(String xml) throws Exception {
    return new SyndFeedInput().build(new StringReader(xml));
  }

  void importEstablished(String claimId, String iso3) throws Exception {
    Path file = dir.resolve("claim-" + iso3 + ".json");
    Files.writeString(
        file,
        """
        {"format": "custodiet-claims/1",
         "sources": [{"id": "doc-a1b2c3d4e5f6", "type": "document",
           "url": "https://contracts.example.gov/notice/88",
           "title": "Notice of award: city camera platform", "publisher": "Example Contracts Office",
           "published": "2025-09-15", "tier": "A", "kind": "official"}],
         "claims": [{"id": "%s", "kind": "supplies", "country_iso3": "%s",
           "technology": "facial_recognition", "supplier_company_id": "hikvision",
           "evidence": [{"source_id": "doc-a1b2c3d4e5f6",
             "summary": "The award names the supplier of face matching cameras"}]}]}
        """
            .formatted(claimId, iso3));
    new ClaimImporter(db).importFile(file);
  }

  @Test
  void aNewlyEstablishedClaimAppearsInTheOverallAndMatchingFeeds() throws Exception {
    HttpResponse<String> empty = get("/feeds/claims.atom");
    assertThat(empty.statusCode()).isEqualTo(200);
    assertThat(empty.headers().firstValue("Content-Type")).hasValue(FeedRoutes.CONTENT_TYPE);
    SyndFeed baseline = parse(empty.body());
    assertThat(baseline.getEntries()).as("the seed is the baseline, not news").isEmpty();

    importEstablished("test/KEN/supplies/hikvision/feed", "KEN");
    site.reload();

    HttpResponse<String> r = get("/feeds/claims.atom");
    SyndFeed feed = parse(r.body());
    assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
    assertThat(feed.getEntries()).hasSize(1);
    SyndEntry entry = feed.getEntries().get(0);
    assertThat(entry.getTitle())
        .isEqualTo("Hikvision supplies facial recognition in Kenya (established)");
    assertThat(entry.getUri()).isEqualTo(FeedRoutes.TAG + "claim:test/KEN/supplies/hikvision/feed");
    assertThat(entry.getLink())
        .isEqualTo(
            "http://127.0.0.1:" + server.port() + "/claims/test/KEN/supplies/hikvision/feed");
    assertThat(entry.getDescription().getValue())
        .contains("Notice of award: city camera platform", "Example Contracts Office", "tier A");
    assertThat(entry.getUpdatedDate()).isNotNull();

    assertThat(parse(get("/feeds/countries/KEN.atom").body()).getEntries()).hasSize(1);
    assertThat(parse(get("/feeds/countries/ken.atom").body()).getEntries()).hasSize(1);
    assertThat(parse(get("/feeds/countries/PER.atom").body()).getEntries()).isEmpty();
    assertThat(parse(get("/feeds/companies/hikvision.atom").body()).getEntries()).hasSize(1);
    assertThat(parse(get("/feeds/companies/huawei.atom").body()).getEntries()).isEmpty();
    assertThat(parse(get("/feeds/technologies/facial_recognition.atom").body()).getEntries())
        .hasSize(1);
    assertThat(parse(get("/feeds/technologies/smart_city.atom").body()).getEntries()).isEmpty();

    String etag = r.headers().firstValue("ETag").orElseThrow();
    assertThat(get("/feeds/claims.atom", "If-None-Match", etag).statusCode()).isEqualTo(304);
    assertThat(etag).isNotEqualTo(empty.headers().firstValue("ETag").orElseThrow());
  }

  @Test
  void unknownSubjectsAndMalformedFeedNamesAre404() throws Exception {
    assertThat(get("/feeds/countries/QQQ.atom").statusCode()).isEqualTo(404);
    assertThat(get("/feeds/companies/no-such-company.atom").statusCode()).isEqualTo(404);
    assertThat(get("/feeds/technologies/telepathy.atom").statusCode()).isEqualTo(404);
    assertThat(get("/feeds/countries/KEN.rss").statusCode()).isEqualTo(404);
    assertThat(get("/feeds/countries/.atom").statusCode()).isEqualTo(404);
    assertThat(get("/feeds/companies/" + "x".repeat(300) + ".atom").statusCode()).isEqualTo(404);
  }
}
