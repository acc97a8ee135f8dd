package org.custodiet.web.screening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.custodiet.store.Database;
import org.custodiet.store.SeedLoader;
import org.custodiet.store.screening.Decision;
import org.custodiet.store.screening.ScreeningDecisions;
import org.custodiet.store.search.SearchIndex;
import org.custodiet.web.Site;
import org.custodiet.web.WebServer;
import org.custodiet.web.api.ApiRoutes;
import org.custodiet.web.http.AsOfDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /api/v1/match}, the screening page and the destination report against the real server
 * on a free loopback port, over an H2 database with the bundled data. Anonymous requests, no
 * cookies: the match endpoint is a read.
 */
class ScreeningApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path dir;
  private static Database db;
  private static Site site;
  private static WebServer server;
  private static JsonNode openApi;
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @BeforeAll
  static void start() throws Exception {
    db = Database.openDirectory(dir.resolve("db"));
    new SeedLoader(db).loadBundled();
    site = new Site(db, SearchIndex.open(dir.resolve("search")));
    server = WebServer.start(site, new WebServer.Options("127.0.0.1", 0));
    openApi = JSON.readTree(get("/api/v1/openapi.json").body());
  }

  @AfterAll
  static void stop() {
    server.close();
    site.close();
    db.close();
  }

  static HttpResponse<String> send(HttpRequest r) {
    try {
      return CLIENT.send(r, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  static HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET().build());
  }

  static HttpResponse<String> post(String body) {
    return send(
        HttpRequest.newBuilder(uri(ApiRoutes.BASE + "/match"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  static String batch(String... names) {
    ObjectNode body = JSON.createObjectNode();
    ArrayNode queries = body.putArray("queries");
    for (String n : names) {
      queries.addObject().put("name", n);
    }
    return body.toString();
  }

  static Schema schema(String status) {
    JsonNode response = openApi.at("/paths/~1match/post/responses/" + status);
    assertThat(response.isMissingNode()).as(status + " is documented").isFalse();
    ObjectNode wrapper = JSON.createObjectNode();
    wrapper.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    wrapper.setAll((ObjectNode) response.at("/content/application~1json/schema").deepCopy());
    wrapper.set("components", openApi.get("components"));
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(wrapper.toString(), InputFormat.JSON);
  }

  static void assertDocumented(HttpResponse<String> r) {
    assertThat(schema(Integer.toString(r.statusCode())).validate(r.body(), InputFormat.JSON))
        .as(r.body())
        .isEmpty();
  }

  static List<String> hitIds(JsonNode result) {
    List<String> ids = new ArrayList<>();
    result
        .get("hits")
        .forEach(h -> ids.add(h.at("/entry/list").asText() + "/" + h.at("/entry/id").asText()));
    return ids;
  }

  @Test
  void everySpellingOfHikvisionHitsItsListingAndGenericWordsHitNothing() throws Exception {
    HttpResponse<String> r =
        post(
            batch(
                "Hangzhou Hikvision Digital Technology Co., Ltd.",
                "HIKVISION",
                "海康威视",
                "Hikvison",
                "Technology Co., Ltd."));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertDocumented(r);
    JsonNode results = JSON.readTree(r.body()).get("results");
    for (int i = 0; i < 4; i++) {
      assertThat(hitIds(results.get(i)))
          .as(results.get(i).get("name").asText())
          .contains("bis-surveillance/hikvision");
      JsonNode top = results.get(i).get("hits").get(0);
      assertThat(top.at("/explanation/matched_name").asText()).isNotBlank();
      assertThat(top.at("/explanation/features")).isNotEmpty();
    }
    assertThat(results.get(4).get("hits")).isEmpty();
    assertThat(JSON.readTree(r.body()).get("lists").findValuesAsText("id"))
        .contains("bis-surveillance", "kb-companies");
  }

  @Test
  void badNamesAreRefusedNamingTheQuery() throws Exception {
    for (String[] c :
        new String[][] {
          {batch("Acme", ""), "queries[1].name", "is empty"},
          {batch("a".repeat(10_000)), "queries[0].name", "over the limit of 1000"},
          {batch("Acme", "Bell", "Ac\u0007me"), "queries[2].name", "control characters"},
          {"{\"queries\": [{\"name\": 7}]}", "queries[0].name", "must be a string"},
          {
            "{\"queries\": [{\"name\": \"Acme\", \"lists\": [\"nope\"]}]}",
            "queries[0].lists",
            "no screening list"
          },
          {
            "{\"queries\": [{\"name\": \"Acme\", \"colour\": 1}]}",
            "queries[0].colour",
            "unknown field"
          },
          {"{\"queries\": []}", "queries", "at least one"},
          {"{\"queries\": [{\"name\": \"Acme\"}], \"limit\": 1000}", "limit", "1 to 100"},
          {"{\"queries\": [{\"name\": \"Acme\"}], \"threshold\": 1.5}", "threshold", "at most 1"},
        }) {
      HttpResponse<String> r = post(c[0]);
      assertThat(r.statusCode()).as(c[1]).isEqualTo(400);
      assertDocumented(r);
      JsonNode body = JSON.readTree(r.body());
      assertThat(body.get("field").asText()).isEqualTo(c[1]);
      assertThat(body.get("message").asText()).contains(c[2]);
    }
    HttpResponse<String> notJson = post("{\"queries\": [");
    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(notJson.body()).contains("not valid JSON");
  }

  @Test
  void aBatchOverTheLimitIsRefusedNamingTheLimit() throws Exception {
    String[] names = new String[50_000];
    for (int i = 0; i < names.length; i++) {
      names[i] = "n" + i;
    }
    String body = batch(names);
    assertThat(body.length()).isLessThan(1 << 20);
    HttpResponse<String> r = post(body);
    assertThat(r.statusCode()).isEqualTo(413);
    assertDocumented(r);
    JsonNode error = JSON.readTree(r.body());
    assertThat(error.get("field").asText()).isEqualTo("queries");
    assertThat(error.get("message").asText()).contains("50000 queries").contains("limit of 1000");

    for (int i = 0; i < names.length; i++) {
      names[i] = "A longer counterparty name number " + i;
    }
    HttpResponse<String> big = post(batch(names));
    assertThat(big.statusCode()).isEqualTo(413);
    assertThat(big.body()).contains("larger than the limit of 1048576");
  }

  @Test
  void aRememberedFalsePositiveIsDismissedAndShownWithItsReason() throws Exception {
    HttpResponse<String> before = post(batch("Dahua Technology"));
    assertThat(hitIds(JSON.readTree(before.body()).at("/results/0")))
        .contains("bis-surveillance/dahua");
    new ScreeningDecisions(db)
        .record(
            "DAHUA technology",
            "kb-companies",
            "dahua",
            Decision.Verdict.FALSE_POSITIVE,
            "the index's own company record, not a listing",
            "user:carol");
    // A knowledge-base change makes the server read lists and decisions again.
    site.reload();
    JsonNode after = JSON.readTree(post(batch("Dahua Technology")).body()).at("/results/0");
    assertThat(hitIds(after))
        .contains("bis-surveillance/dahua")
        .doesNotContain("kb-companies/dahua");
    JsonNode dismissed = after.get("dismissed").get(0);
    assertThat(dismissed.at("/entry/id").asText()).isEqualTo("dahua");
    assertThat(dismissed.at("/decision/verdict").asText()).isEqualTo("false_positive");
    assertThat(dismissed.at("/decision/by").asText()).isEqualTo("user:carol");
    assertThat(dismissed.at("/decision/reason").asText()).contains("own company record");
  }

  @Test
  void theScreenPageShowsExplainedHitsAndEscapesTheName() {
    HttpResponse<String> r = get("/screen?name=Hikvision&country=CHN");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("bis-surveillance/hikvision").contains("Met the listed name");
    HttpResponse<String> hostile =
        get("/screen?name=" + URLEncoder.encode("<script>x</script> Ltd", StandardCharsets.UTF_8));
    assertThat(hostile.statusCode()).isEqualTo(200);
    assertThat(hostile.body()).doesNotContain("<script>x</script>").contains("&lt;script&gt;");
    HttpResponse<String> bad =
        get("/screen?name=" + URLEncoder.encode("\u0001", StandardCharsets.UTF_8));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("control characters");
  }

  @Test
  void theReportGivesAVerdictWithReasonsAndItsPdfSaysTheSame() throws Exception {
    String query =
        "counterparty="
            + URLEncoder.encode("Hikvision", StandardCharsets.UTF_8)
            + "&destination=CHN&technology=facial_recognition&end_user="
            + URLEncoder.encode("municipal public security bureau", StandardCharsets.UTF_8);
    HttpResponse<String> page = get("/report?" + query);
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    assertThat(page.body())
        .contains("Stop: listed party")
        .contains("Article 5")
        .contains("15 CFR Part 744")
        .contains("Digital Repression Index")
        .contains("bis-surveillance");

    HttpResponse<byte[]> pdf =
        CLIENT.send(
            HttpRequest.newBuilder(uri("/report.pdf?" + query)).GET().build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
    String text;
    try (PDDocument doc = Loader.loadPDF(pdf.body())) {
      text = new PDFTextStripper().getText(doc);
    }
    assertThat(text)
        .contains("Stop: listed party")
        .contains(AsOfDate.today().toString())
        .contains("bis-surveillance")
        .contains("kb-companies")
        .contains("version " + AsOfDate.today());
    String flat = text.replaceAll("\\s+", " ");
    assertThat(flat).contains("latest release: none yet");
    // Latin text with typographic quotes is printed once, without a transliteration beside it.
    assertThat(flat.split("is a closed autocracy", -1)).hasSize(2);

    String cjk =
        "counterparty=" + URLEncoder.encode("海康威视", StandardCharsets.UTF_8) + "&destination=KEN";
    HttpResponse<byte[]> cjkPdf =
        CLIENT.send(
            HttpRequest.newBuilder(uri("/report.pdf?" + cjk)).GET().build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(cjkPdf.statusCode()).isEqualTo(200);
    try (PDDocument doc = Loader.loadPDF(cjkPdf.body())) {
      assertThat(new PDFTextStripper().getText(doc)).contains("hai kang wei shi");
    }
    assertThat(get("/report.pdf?counterparty=&destination=KEN").statusCode()).isEqualTo(400);
    assertThat(get("/report?counterparty=Acme&destination=QQQ").body()).contains("known ISO3 code");
  }
}
