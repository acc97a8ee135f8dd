package org.custodiet.app.durability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.custodiet.store.Database;
import org.custodiet.store.audit.AuditLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Review decisions over the API (POST /api/v1/candidates/{id}/accept and /reject, Bearer token)
 * from several threads at a real {@code custodiet serve}, SIGKILLed mid-burst: after a restart
 * every acknowledged decision is there (the candidate's status and its decision-log entry) and
 * {@code audit verify} passes.
 */
class ReviewBurstKillTest {
  private static final String[] COMPANIES = {"Huawei", "Hikvision", "ZTE", "Dahua", "NEC"};
  private static final String[][] PLACES = {
    {"Nairobi", "Kenya"}, {"Kampala", "Uganda"}, {"Lusaka", "Zambia"}, {"Quito", "Ecuador"},
    {"Lahore", "Pakistan"}, {"Belgrade", "Serbia"}, {"Harare", "Zimbabwe"}, {"Caracas", "Venezuela"}
  };
  private static final String[] TECHNOLOGIES = {
    "facial recognition cameras", "a safe city platform", "smart policing software"
  };

  @TempDir Path work;

  /** One short article per company and city, each naming a different deal. */
  private static Path articles(Path file) throws Exception {
    StringBuilder jsonl = new StringBuilder();
    int n = 0;
    for (String company : COMPANIES) {
      for (String[] place : PLACES) {
        String text =
            "Officials in "
                + place[0]
                + " said on day "
                + (n + 3)
                + " that "
                + company
                + " will install "
                + TECHNOLOGIES[n % TECHNOLOGIES.length]
                + " for the police of "
                + place[1]
                + " under contract number "
                + (1000 + n * 7)
                + ". Residents of ward "
                + n
                + " asked where the equipment would go.";
        jsonl
            .append("{\"url\": \"https://burst-news.test/")
            .append(n)
            .append("\", \"title\": \"Story ")
            .append(n)
            .append("\", \"published\": \"2025-05-01\", \"text\": \"")
            .append(text)
            .append("\"}\n");
        n++;
      }
    }
    return Files.writeString(file, jsonl, StandardCharsets.UTF_8);
  }

  @Test
  void acknowledgedReviewDecisionsSurviveSigkill() throws Exception {
    Path logs = work.resolve("logs");
    Path data = work.resolve("data");
    String token = DecisionBurstKillTest.curatorToken(logs, data);
    AppProcess.Result ingest =
        AppProcess.run(
            logs, "ingest", data, "ingest", articles(work.resolve("a.jsonl")).toString());
    assertThat(ingest.exit()).as(ingest.err()).isZero();
    List<Long> pending;
    try (Database db = Database.openDirectory(data)) {
      pending =
          db.jdbi()
              .withHandle(
                  h ->
                      h.createQuery(
                              "SELECT id FROM candidate_claim WHERE status = 'pending' ORDER BY id")
                          .mapTo(Long.class)
                          .list());
    }
    assertThat(pending).hasSizeGreaterThanOrEqualTo(30);

    AppProcess server = AppProcess.start(logs, "serve", data, "serve", "--port", "0");
    String base = server.awaitServing();
    int threads = 4;
    Set<String> acknowledged =
        DecisionBurstKillTest.burstThenKill(
            server,
            base,
            new DecisionBurstKillTest.Write() {
              @Override
              public String key(int thread, int n) {
                int index = n * threads + thread;
                if (index >= pending.size()) {
                  return null;
                }
                return (index % 2 == 0 ? "accept:" : "reject:") + pending.get(index);
              }

              @Override
              public HttpRequest request(String base, String key) {
                String[] k = key.split(":");
                String body =
                    k[0].equals("accept")
                        ? "{\"tier\": \"B\", \"reason\": \"burst acceptance\"}"
                        : "{\"reason\": \"burst rejection\"}";
                return HttpRequest.newBuilder(
                        URI.create(base + "/api/v1/candidates/" + k[1] + "/" + k[0]))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
              }
            },
            pending.size() / 2);

    try (Database db = Database.openDirectory(data)) {
      Map<Long, String> status =
          db
              .jdbi()
              .withHandle(
                  h ->
                      h.createQuery("SELECT id, status FROM candidate_claim")
                          .map((rs, ctx) -> Map.entry(rs.getLong("id"), rs.getString("status")))
                          .list())
              .stream()
              .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
      Set<String> logged =
          db.jdbi()
              .withHandle(
                  h ->
                      h.createQuery(
                              "SELECT action, subject_id FROM audit_entry"
                                  + " WHERE subject_type = 'candidate'")
                          .map(
                              (rs, ctx) ->
                                  rs.getString("action") + ":" + rs.getString("subject_id"))
                          .set());
      for (String key : acknowledged) {
        String[] k = key.split(":");
        assertThat(status.get(Long.parseLong(k[1])))
            .as(key)
            .isEqualTo(k[0].equals("accept") ? "accepted" : "rejected");
      }
      assertThat(logged).containsAll(acknowledged);
      assertThat(new AuditLog(db).verify().intact()).isTrue();
    }
    AppProcess.Result verify = AppProcess.run(logs, "verify", data, "audit", "verify");
    assertThat(verify.exit()).as(verify.out()).isZero();
  }
}
