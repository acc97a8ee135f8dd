package org.custodiet.web.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custodiet.core.extract.CandidateClaim;
import org.custodiet.core.extract.Extractor;
import org.custodiet.ingest.IngestPipeline;
import org.custodiet.ingest.Progress;
import org.custodiet.store.Database;
import org.custodiet.store.SeedLoader;
import org.custodiet.store.search.SearchIndex;
import org.custodiet.web.Site;
import org.custodiet.web.WebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /metrics} on a real server: the text format parses and the numbers follow events. */
class MetricsTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** One sample line of the text format: name, optional labels, value. */
  private static final Pattern SAMPLE =
      Pattern.compile(
          "([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(?:[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\]|\\\\.)*\",?)*\\})?"
              + " (-?[0-9.eE+-]+|NaN|\\+Inf|-Inf)");

  @TempDir Path dir;
  private Database db;
  private WebServer server;

  @BeforeEach
  void start() {
    db = Database.openDirectory(dir.resolve("data"));
    new SeedLoader(db).loadBundled();
    server =
        WebServer.start(
            new Site(db, SearchIndex.inMemory()), new WebServer.Options("127.0.0.1", 0));
  }

  @AfterEach
  void stop() {
    server.close();
    db.close();
  }

  @Test
  void requestsAreCountedByRouteTemplateAndStatus() throws Exception {
    get("/api/v1/countries/KEN");
    get("/api/v1/countries/KEN");
    get("/api/v1/countries/CHN");
    get("/no/such/page");
    Map<String, Double> first = scrape();
    String ok =
        "custodiet_http_requests_total{method=\"GET\",route=\"/api/v1/countries/{iso3}\",status=\"200\"}";
    assertThat(first).containsEntry(ok, 3.0);
    assertThat(first.keySet()).noneMatch(k -> k.contains("/api/v1/countries/KEN"));
    assertThat(first.keySet()).noneMatch(k -> k.contains("/no/such/page"));
    assertThat(first)
        .containsEntry(
            "custodiet_http_requests_total{method=\"GET\",route=\"unmatched\",status=\"404\"}",
            1.0);
    assertThat(
            first.get(
                "custodiet_http_request_duration_seconds_count{method=\"GET\",route=\"/api/v1/countries/{iso3}\",status=\"200\"}"))
        .isEqualTo(3.0);
    assertThat(
            first.get(
                "custodiet_http_request_duration_seconds_bucket{method=\"GET\",route=\"/api/v1/countries/{iso3}\",status=\"200\",le=\"+Inf\"}"))
        .isEqualTo(3.0);

    get("/api/v1/countries/KEN");
    assertThat(scrape()).containsEntry(ok, 4.0);
  }

  @Test
  void queueDepthPoolAndIngestFollowTheDatabaseAndThePipeline() throws Exception {
    Map<String, Double> before = scrape();
    assertThat(before).containsEntry("custodiet_review_queue_pending", 0.0);
    assertThat(before).containsEntry("custodiet_documents_stored", 0.0);
    assertThat(before).containsKey("custodiet_db_pool_connections{state=\"max\"}");

    Path corpus = dir.resolve("corpus.jsonl");
    Files.writeString(
        corpus,
        "{\"url\": \"https://a.example/1\", \"text\": \"First story about cameras.\"}\n"
            + "{\"url\": \"https://a.example/1\", \"text\": \"The same address again.\"}\n"
            + "{\"text\": 7}\n");
    Extractor twoPerDocument =
        new Extractor() {
          @Override
          public List<CandidateClaim> extract(String text) {
            return List.of(claim(0, 5), claim(6, 11));
          }

          @Override
          public String name() {
            return "metrics-test";
          }

          @Override
          public String version() {
            return "1";
          }
        };
    new IngestPipeline(db, twoPerDocument)
        .listener(server.metrics()::ingested)
        .run(List.of(corpus), failure -> {}, Progress.NONE);

    Map<String, Double> after = scrape();
    assertThat(after).containsEntry("custodiet_review_queue_pending", 2.0);
    assertThat(after).containsEntry("custodiet_documents_stored", 1.0);
    assertThat(after).containsEntry("custodiet_ingest_documents_total{outcome=\"stored\"}", 1.0);
    assertThat(after).containsEntry("custodiet_ingest_documents_total{outcome=\"duplicate\"}", 1.0);
    assertThat(after).containsEntry("custodiet_ingest_documents_total{outcome=\"failed\"}", 1.0);
    assertThat(after.get("custodiet_ingest_bytes_total")).isGreaterThan(50.0);
  }

  private static CandidateClaim claim(int start, int end) {
    return new CandidateClaim(
        "huawei",
        "KEN",
        "smart_city",
        null,
        new CandidateClaim.FinancingMention(
            null, org.custodiet.core.model.Financing.Instrument.LOAN, new BigDecimal("10")),
        0.9,
        start,
        end,
        "metrics-test",
        "1");
  }

  /** Scrapes /metrics and parses every line: comments, or samples that must match the format. */
  private Map<String, Double> scrape() throws Exception {
    HttpResponse<String> response = get("/metrics");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("text/plain; version=0.0.4");
    Map<String, Double> samples = new HashMap<>();
    for (String line : response.body().split("\n")) {
      if (line.isEmpty() || line.startsWith("# HELP ") || line.startsWith("# TYPE ")) {
        continue;
      }
      Matcher m = SAMPLE.matcher(line);
      assertThat(m.matches()).as("sample line: %s", line).isTrue();
      samples.put(
          m.group(1) + (m.group(2) == null ? "" : m.group(2)),
          Double.valueOf(m.group(3).replace("+Inf", "Infinity")));
    }
    return samples;
  }

  private HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
