package org.custodiet.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.custodiet.store.Database;
import org.custodiet.store.search.SearchIndex;
import org.custodiet.web.Site;
import org.custodiet.web.WebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting, health, restarting over the same data directory, and stopping. */
class ServerLifecycleTest {
  @TempDir Path dir;

  @Test
  void health_is_503_when_the_database_stops_answering() {
    TestServer server = TestServer.onH2(dir);
    try {
      assertThat(server.get("/health").statusCode()).isEqualTo(200);
      server.site().database().close();
      var r = server.get("/health");
      assertThat(r.statusCode()).isEqualTo(503);
      assertThat(r.body()).contains("\"status\":\"unavailable\"");
    } finally {
      server.server().close();
      server.site().close();
    }
  }

  @Test
  void a_restart_reuses_the_search_index_and_a_stopped_server_refuses_connections()
      throws Exception {
    String fingerprint;
    int port;
    try (TestServer first = TestServer.onH2(dir)) {
      fingerprint = first.site().search().fingerprint();
      port = first.server().port();
      assertThat(first.get("/api/v1/search?q=kenya").statusCode()).isEqualTo(200);
    }
    assertThatThrownBy(
            () ->
                HttpClient.newHttpClient()
                    .send(
                        HttpRequest.newBuilder(
                                java.net.URI.create("http://127.0.0.1:" + port + "/health"))
                            .build(),
                        HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(ConnectException.class);
    long before = newest(dir.resolve("search"));
    try (Database db = Database.openDirectory(dir.resolve("db"));
        Site site = new Site(db, SearchIndex.open(dir.resolve("search")));
        WebServer server = WebServer.start(site, new WebServer.Options("127.0.0.1", 0))) {
      assertThat(site.search().fingerprint()).isEqualTo(fingerprint);
      assertThat(newest(dir.resolve("search"))).isEqualTo(before);
      assertThat(server.routes()).contains("GET /health", "GET /api/v1/countries/{iso3}");
    }
  }

  private static long newest(Path dir) throws Exception {
    try (var files = Files.list(dir)) {
      return files.mapToLong(f -> f.toFile().lastModified()).max().orElse(0);
    }
  }
}
