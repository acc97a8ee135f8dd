package org.custodiet.web.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The review API over real HTTP against a real server, with a curator's Bearer token. */
class ReviewApiTest {
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path dir;
  static ReviewServer server;
  static String token;

  @BeforeAll
  static void start() throws Exception {
    server = new ReviewServer(dir, "carol");
    token = server.token;
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static long candidate(String url, String prefix) {
    return server.candidate(url, prefix);
  }

  static HttpResponse<String> post(String path, String body, String bearer) throws Exception {
    return server.post(path, body, bearer);
  }

  static HttpResponse<String> get(String path, String bearer) throws Exception {
    return server.get(path, bearer);
  }

  static JsonNode json(HttpResponse<String> r) throws Exception {
    return JSON.readTree(r.body());
  }

  @Test
  void anonymousCallersAreRefused() throws Exception {
    long id = candidate("https://coast.test/anon", "");
    assertThat(get("/api/v1/candidates", null).statusCode()).isEqualTo(401);
    assertThat(post("/api/v1/candidates/" + id + "/accept", "{}", null).statusCode())
        .isEqualTo(401);
    assertThat(post("/api/v1/candidates/" + id + "/accept", "{}", "cst_not-a-token").statusCode())
        .isEqualTo(401);
  }

  @Test
  void aCuratorAcceptsOnceTheSiteShowsItAndASecondDecisionIsAConflict() throws Exception {
    long id = candidate("https://coast.test/accept", "Mombasa, Tuesday. ");
    JsonNode queue = json(get("/api/v1/candidates?country=KEN&limit=500", token));
    List<Long> ids = new ArrayList<>();
    queue.get("candidates").forEach(c -> ids.add(c.get("id").asLong()));
    assertThat(ids).contains(id);
    JsonNode listed = null;
    for (JsonNode c : queue.get("candidates")) {
      if (c.get("id").asLong() == id) {
        listed = c;
      }
    }
    assertThat(listed.get("evidence").asText()).isEqualTo(ReviewServer.SENTENCE);
    assertThat(listed.get("document").get("publisher_group").asText()).isEqualTo("coast.test");

    HttpResponse<String> accepted =
        post(
            "/api/v1/candidates/" + id + "/accept",
            "{\"tier\": \"A\", \"source_kind\": \"official\", \"reason\": \"port notice\"}",
            token);
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
    String claim = "dep/uniview/KEN/facial_recognition/mombasa";
    assertThat(json(accepted).get("claims").get(0).asText()).isEqualTo(claim);
    assertThat(server.site.site().current().knowledgeBase().claims()).containsKey(claim);
    HttpResponse<String> page = server.site.get("/claims/" + claim);
    assertThat(page.body())
        .contains("Candidate " + id + " accepted in review")
        .contains("by user:carol")
        .contains("Why: port notice");

    HttpResponse<String> again =
        post("/api/v1/candidates/" + id + "/reject", "{\"reason\": \"late\"}", token);
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(json(again).get("message").asText()).contains("decided already");
  }

  @Test
  void badInputIsRefusedNamingTheField() throws Exception {
    long id = candidate("https://coast.test/bad", "Late news. ");
    String accept = "/api/v1/candidates/" + id + "/accept";
    assertField(post(accept, "{\"tier\": \"D\"}", token), 400, "tier");
    assertField(post(accept, "{\"city\": \"" + "m".repeat(301) + "\"}", token), 400, "city");
    assertField(post(accept, "{\"colour\": \"red\"}", token), 400, "colour");
    assertField(post(accept, "{\"stage\": [1]}", token), 400, "stage");
    assertField(post(accept, "[1, 2]", token), 400, "body");
    assertField(post(accept, "{\"tier\": ", token), 400, "body");
    assertField(post("/api/v1/candidates/" + id + "/reject", "{}", token), 400, "reason");
    assertField(
        post("/api/v1/candidates/" + id + "/reject", "{\"reason\": \"x\", \"why\": 1}", token),
        400,
        "why");
    assertThat(post("/api/v1/candidates/999999/accept", "{}", token).statusCode()).isEqualTo(404);
    assertThat(post("/api/v1/candidates/abc/accept", "{}", token).statusCode()).isEqualTo(404);
    assertThat(
            post("/api/v1/claims/no/such/claim/dispute", "{\"reason\": \"x\"}", token).statusCode())
        .isEqualTo(404);
    assertField(get("/api/v1/candidates?status=maybe", token), 400, "status");
    assertField(get("/api/v1/candidates?limit=0", token), 400, "limit");
    assertField(get("/api/v1/candidates?min_confidence=x", token), 400, "min_confidence");
    JsonNode still = json(get("/api/v1/candidates?limit=500", token));
    List<Long> pending = new ArrayList<>();
    still.get("candidates").forEach(c -> pending.add(c.get("id").asLong()));
    assertThat(pending).contains(id);
  }

  private static void assertField(HttpResponse<String> r, int status, String field)
      throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(json(r).get("field").asText()).as(r.body()).isEqualTo(field);
  }

  @Test
  void disputeAndRetractAClaimWhoseIdHasSlashes() throws Exception {
    String claim = "dep/huawei/KEN/smart_city/konza";
    HttpResponse<String> disputed =
        post("/api/v1/claims/" + claim + "/dispute", "{\"reason\": \"no tender found\"}", token);
    assertThat(disputed.statusCode()).as(disputed.body()).isEqualTo(200);
    assertThat(json(disputed).get("action").asText()).isEqualTo("dispute");
    assertThat(
            post("/api/v1/claims/" + claim + "/dispute", "{\"reason\": \"again\"}", token)
                .statusCode())
        .isEqualTo(409);
    assertThat(
            post("/api/v1/claims/" + claim + "/retract", "{\"reason\": \"withdrawn\"}", token)
                .statusCode())
        .isEqualTo(200);
    HttpResponse<String> page = server.site.get("/claims/" + claim);
    assertThat(page.body()).contains("Disputed").contains("Retracted").contains("Why: withdrawn");
    assertThat(page.body()).contains("st-retracted");
  }

  @Test
  void manyCuratorsRacingForOneCandidateLeaveExactlyOneDecision() throws Exception {
    long id = candidate("https://coast.test/race", "Race. ");
    List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      HttpRequest r =
          HttpRequest.newBuilder(
                  URI.create(server.site.base() + "/api/v1/candidates/" + id + "/accept"))
              .header("Authorization", "Bearer " + token)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString("{\"tier\": \"C\"}"))
              .build();
      calls.add(server.http().sendAsync(r, HttpResponse.BodyHandlers.ofString()));
    }
    int ok = 0;
    int conflict = 0;
    for (CompletableFuture<HttpResponse<String>> c : calls) {
      int status = c.get().statusCode();
      if (status == 200) {
        ok++;
      } else if (status == 409) {
        conflict++;
      }
    }
    assertThat(ok).isEqualTo(1);
    assertThat(conflict).isEqualTo(7);
    long decisions =
        server
            .site
            .site()
            .database()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT COUNT(*) FROM audit_entry WHERE subject_type = 'candidate'"
                                + " AND subject_id = ?")
                        .bind(0, Long.toString(id))
                        .mapTo(Long.class)
                        .one());
    assertThat(decisions).isEqualTo(1);
  }
}
