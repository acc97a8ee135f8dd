package org.custodiet.web.review;

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
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The review operations of the OpenAPI document against the running server: real answers, for every
 * documented status, validate against the documented schemas; requests are checked against the
 * documented request bodies.
 */
class ReviewOpenApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SchemaRegistry SCHEMAS =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

  @TempDir static Path dir;
  static ReviewServer server;
  static JsonNode document;

  @BeforeAll
  static void start() throws Exception {
    server = new ReviewServer(dir, "ivy");
    document = JSON.readTree(server.site.get("/api/v1/openapi.json").body());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void everyReviewOperationAnswersAsDocumented() throws Exception {
    String token = server.token;
    long first = server.candidate("https://doc.test/one", "");
    long second = server.candidate("https://doc.test/two", "Second. ");
    String claim = "aigs/KEN/uses/facial_recognition";
    // method, documented path, actual path, body, bearer, expected status
    List<Object[]> calls =
        List.of(
            new Object[] {"get", "/candidates", "/candidates?limit=10", null, token, 200},
            new Object[] {
              "get", "/candidates", "/candidates?status=all&sort=date", null, token, 200
            },
            new Object[] {"get", "/candidates", "/candidates?offset=-1", null, token, 400},
            new Object[] {"get", "/candidates", "/candidates", null, null, 401},
            new Object[] {
              "post",
              "/candidates/{id}/accept",
              "/candidates/" + first + "/accept",
              "{\"tier\": \"B\", \"reason\": \"confirmed\"}",
              token,
              200
            },
            new Object[] {
              "post",
              "/candidates/{id}/accept",
              "/candidates/" + first + "/accept",
              "{}",
              token,
              409
            },
            new Object[] {
              "post",
              "/candidates/{id}/accept",
              "/candidates/" + second + "/accept",
              "{\"stage\": \"sometime\"}",
              token,
              400
            },
            new Object[] {
              "post",
              "/candidates/{id}/accept",
              "/candidates/" + second + "/accept",
              "{}",
              null,
              401
            },
            new Object[] {
              "post", "/candidates/{id}/accept", "/candidates/424242/accept", "{}", token, 404
            },
            new Object[] {
              "post",
              "/candidates/{id}/reject",
              "/candidates/" + second + "/reject",
              "{\"reason\": \"not a deployment\"}",
              token,
              200
            },
            new Object[] {
              "post",
              "/candidates/{id}/reject",
              "/candidates/" + second + "/reject",
              "{}",
              token,
              400
            },
            new Object[] {
              "post",
              "/claims/{id}/dispute",
              "/claims/" + claim + "/dispute",
              "{\"reason\": \"questioned\"}",
              token,
              200
            },
            new Object[] {
              "post",
              "/claims/{id}/dispute",
              "/claims/" + claim + "/dispute",
              "{\"reason\": \"again\"}",
              token,
              409
            },
            new Object[] {
              "post",
              "/claims/{id}/retract",
              "/claims/" + claim + "/retract",
              "{\"reason\": \"withdrawn\"}",
              token,
              200
            },
            new Object[] {
              "post",
              "/claims/{id}/retract",
              "/claims/no/such/retract",
              "{\"reason\": \"x\"}",
              token,
              404
            });
    List<String> failures = new ArrayList<>();
    TreeSet<String> exercised = new TreeSet<>();
    for (Object[] call : calls) {
      String method = (String) call[0];
      String path = (String) call[1];
      String body = (String) call[3];
      String bearer = (String) call[4];
      int expected = (Integer) call[5];
      HttpResponse<String> r =
          method.equals("get")
              ? server.get("/api/v1" + call[2], bearer)
              : server.post("/api/v1" + call[2], body, bearer);
      assertThat(r.statusCode()).as(method + " " + call[2] + ": " + r.body()).isEqualTo(expected);
      JsonNode operation = document.get("paths").get(path).get(method);
      List<Error> errors =
          schema(operation.get("responses").get(Integer.toString(expected)))
              .validate(r.body(), InputFormat.JSON);
      if (!errors.isEmpty()) {
        failures.add(method + " " + call[2] + " -> " + errors);
      }
      if (body != null && expected == 200) {
        List<Error> requestErrors =
            schema(operation.get("requestBody")).validate(body, InputFormat.JSON);
        if (!requestErrors.isEmpty()) {
          failures.add("request of " + method + " " + call[2] + " -> " + requestErrors);
        }
      }
      exercised.add(method.toUpperCase(Locale.ROOT) + " " + path);
    }
    assertThat(failures).isEmpty();
    assertThat(exercised)
        .containsExactlyInAnyOrder(
            "GET /candidates",
            "POST /candidates/{id}/accept",
            "POST /candidates/{id}/reject",
            "POST /claims/{id}/dispute",
            "POST /claims/{id}/retract");
  }

  @Test
  void theRequestSchemasRefuseWhatTheServerRefuses() throws Exception {
    JsonNode accept = document.get("paths").get("/candidates/{id}/accept").get("post");
    assertThat(schema(accept.get("requestBody")).validate("{\"tier\": \"D\"}", InputFormat.JSON))
        .isNotEmpty();
    assertThat(
            schema(accept.get("requestBody")).validate("{\"colour\": \"red\"}", InputFormat.JSON))
        .isNotEmpty();
    JsonNode reject = document.get("paths").get("/candidates/{id}/reject").get("post");
    assertThat(schema(reject.get("requestBody")).validate("{}", InputFormat.JSON)).isNotEmpty();
  }

  /** The JSON schema of a documented response or request body, with the document's components. */
  private static Schema schema(JsonNode responseOrBody) {
    assertThat(responseOrBody).isNotNull();
    JsonNode body = responseOrBody.get("content").get("application/json").get("schema");
    ObjectNode wrapper = JSON.createObjectNode();
    wrapper.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    wrapper.setAll((ObjectNode) body.deepCopy());
    wrapper.set("components", document.get("components"));
    return SCHEMAS.getSchema(wrapper.toString(), InputFormat.JSON);
  }
}
