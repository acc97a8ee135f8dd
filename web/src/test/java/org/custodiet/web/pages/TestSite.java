package org.custodiet.web.pages;

import java.io.IOException;
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

/**
 * A real server on 127.0.0.1 over a fresh H2 database holding the bundled seed plus one imported
 * source whose title is markup, to show that pages print data as text.
 */
public final class TestSite implements AutoCloseable {
  /** The hostile title; it must reach the page as visible text, never as markup. */
  public static final String HOSTILE_TITLE =
      "<script>window.__injected = true;</script><b>Kenya camera tender</b>";

  public static final String HOSTILE_CLAIM = "test/hostile-title/KEN";

  private final Database db;
  private final Site site;
  private final WebServer server;
  private final HttpClient http = HttpClient.newHttpClient();

  private TestSite(Database db, Site site, WebServer server) {
    this.db = db;
    this.site = site;
    this.server = server;
  }

  public static TestSite start(Path dir) throws IOException {
    Database db = Database.openDirectory(dir.resolve("data"));
    new SeedLoader(db).loadBundled();
    Path file = dir.resolve("hostile.json");
    Files.writeString(
        file,
        """
        {"format": "custodiet-claims/1",
         "sources": [{"id": "test-hostile", "type": "document",
           "url": "https://example.org/tender-notice",
           "title": %s, "publisher": "Example Procurement Bulletin",
           "published": "2023-05-02", "tier": "C", "kind": "other"}],
         "claims": [{"id": "%s", "kind": "uses", "country_iso3": "KEN",
           "technology": "facial_recognition",
           "evidence": [{"source_id": "test-hostile",
             "summary": "A tender notice asks for face matching at border posts"}]}]}
        """
            .formatted(json(HOSTILE_TITLE), HOSTILE_CLAIM));
    new ClaimImporter(db).importFile(file);
    Site site = new Site(db, SearchIndex.inMemory());
    WebServer server = WebServer.start(site, new WebServer.Options("127.0.0.1", 0));
    return new TestSite(db, site, server);
  }

  private static String json(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  public Site site() {
    return site;
  }

  public String base() {
    return "http://127.0.0.1:" + server.port();
  }

  /** GETs a path and returns status and body. */
  public HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(base() + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() {
    server.close();
    site.close();
    db.close();
  }
}
