package org.custodiet.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAPI document against the running server: every route under /api/v1 is documented and
 * every documented path is served, and real responses (with the bundled data) validate against the
 * schemas the document gives for their status.
 */
class OpenApiContractTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SchemaRegistry SCHEMAS =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  @TempDir static Path dir;
  private static TestServer server;
  private static JsonNode document;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.onH2(dir);
    new org.custodiet.store.release.Releases(server.site().database())
        .create(
            "2026-test",
            "A release for the contract test",
            java.time.LocalDate.of(2026, 1, 1),
            "cli:test");
    HttpResponse<String> r = server.get("/api/v1/openapi.json");
    assertThat(r.statusCode()).isEqualTo(200);
    document = JSON.readTree(r.body());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void the_document_is_openapi_3_1_with_the_2020_12_dialect() {
    assertThat(document.get("openapi").asText()).isEqualTo("3.1.0");
    assertThat(document.get("jsonSchemaDialect").asText())
        .isEqualTo("https://json-schema.org/draft/2020-12/schema");
    assertThat(document.get("servers").get(0).get("url").asText()).isEqualTo(ApiRoutes.BASE);
  }

  @Test
  void every_api_route_is_documented_and_every_documented_path_is_served() {
    TreeSet<String> served = new TreeSet<>();
    for (String route : server.server().routes()) {
      if (route.contains(" " + ApiRoutes.BASE + "/")) {
        // A path parameter that may hold slashes is <id> to Javalin and {id} to OpenAPI.
        served.add(route.replace(ApiRoutes.BASE, "").replace('<', '{').replace('>', '}'));
      }
    }
    TreeSet<String> documented = new TreeSet<>();
    Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields();
    while (paths.hasNext()) {
      Map.Entry<String, JsonNode> path = paths.next();
      path.getValue()
          .fieldNames()
          .forEachRemaining(method -> documented.add(method.toUpperCase() + " " + path.getKey()));
    }
    assertThat(served).isNotEmpty().isEqualTo(documented);
  }

  /** Each documented operation called with real data, and what it answers for each status. */
  @Test
  void real_responses_validate_against_their_documented_schemas() throws Exception {
    List<String[]> calls =
        List.of(
            new String[] {"/openapi.json", "/openapi.json", "200"},
            new String[] {"/figures", "/figures", "200"},
            new String[] {"/figures", "/figures?source=aigs-2022&as_of=2022-06-01", "200"},
            new String[] {"/figures", "/figures?compare=aigs-2022", "200"},
            new String[] {"/figures", "/figures?as_of=2022-02-31", "400"},
            new String[] {"/countries", "/countries", "200"},
            new String[] {"/countries", "/countries?source=aigs-v1&as_of=2020-01-01", "200"},
            new String[] {"/countries", "/countries?limit=3", "400"},
            new String[] {"/countries/{iso3}", "/countries/KEN", "200"},
            new String[] {"/countries/{iso3}", "/countries/ecu?as_of=2020-01-01", "200"},
            new String[] {"/countries/{iso3}", "/countries/CHN?source=aigs-2022", "200"},
            new String[] {"/countries/{iso3}", "/countries/QQQ", "404"},
            new String[] {"/companies", "/companies", "200"},
            new String[] {"/companies/{id}", "/companies/huawei", "200"},
            new String[] {"/companies/{id}", "/companies/hikvision?as_of=2021-01-01", "200"},
            new String[] {"/companies/{id}", "/companies/nobody", "404"},
            new String[] {"/claims", "/claims?limit=1000", "200"},
            new String[] {"/claims", "/claims?kind=finances&limit=1000", "200"},
            new String[] {"/claims", "/claims?status=disputed", "200"},
            new String[] {"/claims", "/claims?company=huawei&counting=true", "200"},
            new String[] {"/claims", "/claims?offset=x", "400"},
            new String[] {"/sources", "/sources?limit=1000", "200"},
            new String[] {"/sources", "/sources?limit=0", "400"},
            new String[] {"/search", "/search?q=hikvison", "200"},
            new String[] {"/search", "/search?q=nairobi+cameras&limit=100", "200"},
            new String[] {"/search", "/search", "400"},
            new String[] {"/releases", "/releases", "200"},
            new String[] {"/releases/{name}", "/releases/2026-test", "200"},
            new String[] {"/releases/{name}", "/releases/current", "200"},
            new String[] {"/releases/{name}", "/releases/no-such-release", "404"},
            new String[] {"/releases/{name}", "/releases/bad%20name", "400"},
            new String[] {
              "/releases/{name}/diff/{other}", "/releases/2026-test/diff/current", "200"
            },
            new String[] {"/releases/{name}/diff/{other}", "/releases/2026-test/diff/nope", "404"},
            new String[] {"/candidates", "/candidates", "401"});
    TreeSet<String> exercised = new TreeSet<>();
    List<String> failures = new ArrayList<>();
    for (String[] call : calls) {
      HttpResponse<String> r = server.get(ApiRoutes.BASE + call[1]);
      assertThat(r.statusCode()).as(call[1]).isEqualTo(Integer.parseInt(call[2]));
      Schema schema = responseSchema(call[0], call[2]);
      List<Error> errors = schema.validate(r.body(), InputFormat.JSON);
      if (!errors.isEmpty()) {
        failures.add(call[1] + " -> " + errors.subList(0, Math.min(5, errors.size())));
      }
      exercised.add(call[0]);
    }
    assertThat(failures).isEmpty();
    // Operations other than GET are exercised by the tests of the features that serve them.
    TreeSet<String> documented = new TreeSet<>();
    document
        .get("paths")
        .fields()
        .forEachRemaining(
            p -> {
              if (p.getValue().has("get")) {
                documented.add(p.getKey());
              }
            });
    assertThat(exercised).isEqualTo(documented);
  }

  @Test
  void the_schemas_reject_what_they_should() throws Exception {
    ObjectNode error = JSON.createObjectNode().put("status", 400).put("message", "x");
    error.putNull("field");
    Schema schema = responseSchema("/figures", "400");
    assertThat(schema.validate(error.toString(), InputFormat.JSON)).isEmpty();
    error.put("extra", true);
    assertThat(schema.validate(error.toString(), InputFormat.JSON)).isNotEmpty();
    JsonNode kenya = JSON.readTree(server.get("/api/v1/countries/KEN").body());
    ((ObjectNode) kenya).put("iso3", "Kenya");
    assertThat(
            responseSchema("/countries/{iso3}", "200").validate(kenya.toString(), InputFormat.JSON))
        .isNotEmpty();
  }

  /**
   * The JSON schema of one documented response: its $ref resolved inside the document's components,
   * in the JSON Schema 2020-12 dialect.
   */
  private static Schema responseSchema(String path, String status) {
    JsonNode response = document.get("paths").get(path).get("get").get("responses").get(status);
    assertThat(response).as(path + " " + status + " is documented").isNotNull();
    if (response.has("$ref")) {
      String name = response.get("$ref").asText().replace("#/components/responses/", "");
      response = document.get("components").get("responses").get(name);
    }
    JsonNode body = response.get("content").get("application/json").get("schema");
    ObjectNode wrapper = JSON.createObjectNode();
    wrapper.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    wrapper.setAll((ObjectNode) body.deepCopy());
    wrapper.set("components", document.get("components"));
    return SCHEMAS.getSchema(wrapper.toString(), InputFormat.JSON);
  }
}
