package org.custodiet.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The API over real HTTP against the bundled data: headers, errors, caching, CSV, search. */
class ApiBehaviourTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path dir;
  private static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.onH2(dir);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body());
  }

  @ParameterizedTest
  @CsvSource({
    "/api/v1/figures",
    "/api/v1/countries/KEN",
    "/api/v1/nothing-here",
    "/",
    "/some/page/nobody/registered",
    "/health"
  })
  void every_response_carries_the_security_headers(String path) {
    HttpResponse<String> r = server.get(path);
    assertThat(r.headers().firstValue("Content-Security-Policy"))
        .hasValue(
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self';"
                + " frame-ancestors 'none'; base-uri 'self'; form-action 'self'");
    assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    assertThat(r.headers().firstValue("Referrer-Policy")).isPresent();
  }

  @Test
  void cors_is_open_for_reads_on_the_api_only() {
    HttpResponse<String> api = server.get("/api/v1/figures");
    assertThat(api.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
    HttpResponse<String> preflight =
        server.send(
            HttpRequest.newBuilder(server.uri("/api/v1/countries/KEN"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://elsewhere.example")
                .header("Access-Control-Request-Method", "GET")
                .build());
    assertThat(preflight.statusCode()).isEqualTo(204);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods"))
        .hasValue("GET, HEAD, OPTIONS");
    assertThat(server.get("/health").headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "/api/v1/figures?as_of=2021-13-01|as_of",
        "/api/v1/figures?as_of=yesterday|as_of",
        "/api/v1/figures?as_of=2021-02-30|as_of",
        "/api/v1/figures?as_of=99999-01-01|as_of",
        "/api/v1/figures?source=no-such-source|source",
        "/api/v1/figures?compare=no-such-release|compare",
        "/api/v1/figures?format=xml|format",
        "/api/v1/figures?colour=blue|colour",
        "/api/v1/figures?as_of=2021-01-01&as_of=2022-01-01|as_of",
        "/api/v1/countries/KEN?as_of=2021/01/01|as_of",
        "/api/v1/claims?status=rumoured|status",
        "/api/v1/claims?kind=sells|kind",
        "/api/v1/claims?technology=mind_reading|technology",
        "/api/v1/claims?country=ZZZ|country",
        "/api/v1/claims?company=no-such-company|company",
        "/api/v1/claims?supplier_country=chinese|supplier_country",
        "/api/v1/claims?counting=maybe|counting",
        "/api/v1/claims?limit=-1|limit",
        "/api/v1/claims?limit=0|limit",
        "/api/v1/claims?limit=1001|limit",
        "/api/v1/claims?limit=99999999999999999999|limit",
        "/api/v1/claims?offset=ten|offset",
        "/api/v1/claims?offset=-5|offset",
        "/api/v1/sources?offset=1.5|offset",
        "/api/v1/sources?limit=abc|limit",
        "/api/v1/search?q=|q",
        "/api/v1/search?limit=5|q",
        "/api/v1/search?q=kenya&limit=101|limit",
      })
  void malformed_parameters_are_400_naming_the_field(String path, String field) throws Exception {
    HttpResponse<String> r = server.get(path);
    assertThat(r.statusCode()).as(path).isEqualTo(400);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    JsonNode body = json(r);
    assertThat(body.get("status").asInt()).isEqualTo(400);
    assertThat(body.get("field").asText()).isEqualTo(field);
    assertThat(body.get("message").asText()).startsWith(field + ":");
  }

  @Test
  void overlong_parameters_and_queries_are_refused() throws Exception {
    HttpResponse<String> longValue = server.get("/api/v1/search?q=" + "a".repeat(600));
    assertThat(longValue.statusCode()).isEqualTo(400);
    assertThat(json(longValue).get("field").asText()).isEqualTo("q");
    HttpResponse<String> longQuery =
        server.get("/api/v1/search?q=" + "ab ".repeat(70).replace(' ', '+'));
    assertThat(longQuery.statusCode()).isEqualTo(400);
    assertThat(json(longQuery).get("field").asText()).isEqualTo("q");
    String badEncoding = server.raw("/api/v1/figures?as_of=%zz");
    assertThat(badEncoding).startsWith("HTTP/1.1 400").contains("not valid URL encoding");
  }

  @Test
  void an_oversized_body_is_413_with_a_json_error() throws Exception {
    HttpResponse<String> r =
        server.send(
            HttpRequest.newBuilder(server.uri("/api/v1/figures"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[2 << 20]))
                .build());
    assertThat(r.statusCode()).isEqualTo(413);
    JsonNode body = json(r);
    assertThat(body.get("status").asInt()).isEqualTo(413);
    assertThat(body.get("message").asText()).contains("limit");
  }

  @Test
  void unknown_countries_and_companies_are_404_json() throws Exception {
    for (String path : List.of("/api/v1/countries/XYZ", "/api/v1/companies/no-such-firm")) {
      HttpResponse<String> r = server.get(path);
      assertThat(r.statusCode()).as(path).isEqualTo(404);
      JsonNode body = json(r);
      assertThat(body.get("status").asInt()).isEqualTo(404);
      assertThat(body.get("field").isNull()).isTrue();
    }
    HttpResponse<String> page = server.get("/no/such/page");
    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
  }

  @Test
  void reads_carry_an_etag_and_answer_304_when_it_matches() {
    HttpResponse<String> first = server.get("/api/v1/countries/KEN?as_of=2022-06-01");
    assertThat(first.statusCode()).isEqualTo(200);
    String etag = first.headers().firstValue("ETag").orElseThrow();
    assertThat(first.headers().firstValue("Cache-Control")).hasValue("public, max-age=60");
    HttpResponse<String> again =
        server.get("/api/v1/countries/KEN?as_of=2022-06-01", "If-None-Match", etag);
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
    HttpResponse<String> otherDate =
        server.get("/api/v1/countries/KEN?as_of=2019-06-01", "If-None-Match", etag);
    assertThat(otherDate.statusCode()).isEqualTo(200);
    assertThat(otherDate.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etag);
  }

  @Test
  void figures_match_the_published_aigs_release() throws Exception {
    JsonNode body = json(server.get("/api/v1/figures?source=aigs-2022&as_of=2022-12-31"));
    assertThat(body.get("source").asText()).isEqualTo("aigs-2022");
    assertThat(figure(body, "countries.any")).isEqualTo(97);
    assertThat(figure(body, "countries.technology.facial_recognition")).isEqualTo(78);
    assertThat(figure(body, "countries.technology.smart_city")).isEqualTo(64);
    JsonNode compared = json(server.get("/api/v1/figures?compare=aigs-2022"));
    assertThat(compared.get("comparison").get("release").asText()).isEqualTo("aigs-2022");
    assertThat(compared.get("comparison").get("changes").size()).isPositive();
  }

  private static int figure(JsonNode body, String id) {
    for (JsonNode f : body.get("figures")) {
      if (f.get("id").asText().equals(id)) {
        return f.get("value").asInt();
      }
    }
    throw new AssertionError("no figure " + id);
  }

  @Test
  void tabular_endpoints_answer_csv_that_parses() throws Exception {
    for (String path :
        List.of(
            "/api/v1/figures?format=csv",
            "/api/v1/countries?format=csv",
            "/api/v1/companies?format=csv",
            "/api/v1/claims?format=csv&country=KEN",
            "/api/v1/sources?format=csv&limit=1000")) {
      HttpResponse<String> r = server.get(path);
      assertThat(r.statusCode()).as(path).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
      List<CSVRecord> rows = parse(r.body());
      assertThat(rows).as(path).isNotEmpty();
      assertThat(rows).allSatisfy(row -> assertThat(row.isConsistent()).isTrue());
    }
    HttpResponse<String> byAccept = server.get("/api/v1/claims?country=KEN", "Accept", "text/csv");
    assertThat(byAccept.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    List<CSVRecord> claims = parse(byAccept.body());
    int total = json(server.get("/api/v1/claims?country=KEN")).get("total").asInt();
    assertThat(claims).hasSize(Math.min(total, ApiRoutes.DEFAULT_LIMIT));
    assertThat(claims).allSatisfy(row -> assertThat(row.get("country")).isEqualTo("KEN"));
    assertThat(server.get("/api/v1/countries/KEN?format=csv").statusCode()).isEqualTo(400);
  }

  private static List<CSVRecord> parse(String csv) throws Exception {
    try (CSVParser parser =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new StringReader(csv))) {
      return parser.getRecords();
    }
  }

  @Test
  void claims_are_paged_with_a_total() throws Exception {
    JsonNode first = json(server.get("/api/v1/claims?limit=5"));
    JsonNode second = json(server.get("/api/v1/claims?limit=5&offset=5"));
    assertThat(first.get("total").asInt()).isGreaterThan(10);
    assertThat(first.get("claims")).hasSize(5);
    assertThat(second.get("claims").get(0).get("id").asText())
        .isNotEqualTo(first.get("claims").get(0).get("id").asText());
    JsonNode beyond = json(server.get("/api/v1/claims?offset=100000"));
    assertThat(beyond.get("claims")).isEmpty();
    JsonNode filtered =
        json(server.get("/api/v1/claims?supplier_country=CHN&technology=facial_recognition"));
    assertThat(filtered.get("claims"))
        .allSatisfy(c -> assertThat(c.get("technology").asText()).isEqualTo("facial_recognition"));
  }

  @Test
  void search_finds_misspelt_names_with_escaped_snippets() throws Exception {
    JsonNode hik = json(server.get("/api/v1/search?q=hikvison"));
    assertThat(hik.get("hits").get(0).get("id").asText()).isEqualTo("hikvision");
    assertThat(hik.get("hits").get(0).get("url").asText()).isEqualTo("/companies/hikvision");
    JsonNode huawei = json(server.get("/api/v1/search?q=huawai&limit=3"));
    assertThat(huawei.get("hits").get(0).get("id").asText()).isEqualTo("huawei");
    assertThat(huawei.get("hits").size()).isLessThanOrEqualTo(3);
    JsonNode kenya = json(server.get("/api/v1/search?q=kenya"));
    assertThat(kenya.get("hits").get(0).get("kind").asText()).isEqualTo("country");
    assertThat(kenya.get("hits").get(0).get("snippet_html").asText())
        .contains("<mark>Kenya</mark>");
    JsonNode hostile = json(server.get("/api/v1/search?q=%3Cscript%3E+AND+(huawei"));
    for (JsonNode hit : hostile.get("hits")) {
      assertThat(hit.get("snippet_html").asText()).doesNotContain("<script");
    }
  }

  @Test
  void health_answers_ok_while_the_database_does() throws Exception {
    HttpResponse<String> r = server.get("/health");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(json(r).get("status").asText()).isEqualTo("ok");
  }

  @Test
  void head_answers_the_status_and_headers_of_get_without_a_body() {
    HttpResponse<String> get = server.get("/api/v1/countries/KEN");
    HttpResponse<String> head =
        server.send(
            HttpRequest.newBuilder(server.uri("/api/v1/countries/KEN"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build());
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    assertThat(head.headers().firstValue("ETag")).isEqualTo(get.headers().firstValue("ETag"));
    assertThat(head.headers().firstValue("Content-Type"))
        .isEqualTo(get.headers().firstValue("Content-Type"));
    HttpResponse<String> missing =
        server.send(
            HttpRequest.newBuilder(server.uri("/api/v1/countries/XYZ"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build());
    assertThat(missing.statusCode()).isEqualTo(404);
  }

  @Test
  void other_methods_on_api_paths_are_405() throws Exception {
    HttpResponse<String> r =
        server.send(HttpRequest.newBuilder(server.uri("/api/v1/figures")).DELETE().build());
    assertThat(r.statusCode()).isEqualTo(405);
    assertThat(json(r).get("status").asInt()).isEqualTo(405);
  }

  @ParameterizedTest
  @CsvSource({
    "/api/v1/countries/%C0%AF",
    "/api/v1/countries/%00",
    "/api/v1/companies/..%2F..%2Fetc%2Fpasswd",
    "/api/v1/companies/%E2%80%AE",
    "/api/v1/search?q=%00",
    "/api/v1/search?q=%22%5C%2A%3F%7E%3A%28%29%5B%5D%7B%7D%5E%21",
    "/api/v1/search?q=%E4%B8%AD%E5%85%B4",
    "/api/v1/claims?limit=%2B5",
    "/api/v1/claims?limit=0x10",
    "/api/v1/claims?as_of=%2B2021-01-01",
    "/api/v1/claims?offset=2147483648",
    "/api/v1/figures?source=%27%20OR%201%3D1",
    "/api/v1/figures?as_of=0000-00-00",
    "/api/v1/figures?=x",
  })
  void hostile_input_never_causes_a_server_error(String path) throws Exception {
    HttpResponse<String> r = server.get(path);
    assertThat(r.statusCode()).as(path).isBetween(200, 499);
    assertThat(r.headers().firstValue("Content-Security-Policy")).isPresent();
    if (r.statusCode() >= 400) {
      String type = r.headers().firstValue("Content-Type").orElseThrow();
      if (type.startsWith("application/json")) {
        JsonNode body = json(r);
        assertThat(body.get("status").asInt()).isEqualTo(r.statusCode());
        assertThat(body.get("message").asText()).isNotBlank();
      } else {
        // A target Jetty cannot parse keeps no path, so it cannot tell API from page.
        assertThat(type).startsWith("text/html");
        assertThat(r.body()).contains("<h1>" + r.statusCode() + "</h1>");
      }
    }
  }
}
