package org.custodiet.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custodiet.store.Queries.count;
import static org.custodiet.store.SameClaimCandidates.CLAIM;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custodiet.core.account.Role;
import org.custodiet.store.Database;
import org.custodiet.store.SameClaimCandidates;
import org.custodiet.store.SeedLoader;
import org.custodiet.store.account.AccountRepository;
import org.custodiet.store.account.ApiTokens;
import org.custodiet.store.audit.AuditLog;
import org.custodiet.store.ingest.DocumentRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Server mode: two {@code custodiet serve --db jdbc:postgresql:...} processes, each with its own
 * connection pool, on one PostgreSQL database; the health check follows the database.
 */
class PostgresServerTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path dir;
  private final List<Process> processes = new ArrayList<>();

  @AfterEach
  void stopProcesses() {
    processes.forEach(Process::destroyForcibly);
  }

  @Test
  void twoServersShareOneDatabaseAndReportItsHealth() throws Exception {
    EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
    try {
      String url = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
      // The first one migrates and seeds the empty database; the second finds it ready.
      String a = serve(url, "a");
      String b = serve(url, "b");
      for (String base : List.of(a, b)) {
        assertThat(get(base + "/health").statusCode()).isEqualTo(200);
        assertThat(get(base + "/api/v1/countries/KEN").statusCode()).isEqualTo(200);
        String metrics = get(base + "/metrics").body();
        assertThat(metrics).contains("custodiet_db_pool_connections{state=\"max\"} 3.0");
        assertThat(metrics).contains("custodiet_review_queue_pending 0.0");
      }
      assertThat(get(a + "/api/v1/countries/KEN").body())
          .isEqualTo(get(b + "/api/v1/countries/KEN").body());

      postgres.close();
      for (String base : List.of(a, b)) {
        HttpResponse<String> health = get(base + "/health");
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body()).contains("the database does not answer");
      }
    } finally {
      postgres.close();
    }
  }

  /**
   * Two curators, each on their own server process, accepting the same candidate at the same
   * moment, many times over: each time one gets 200, the other 409, and nothing is written twice.
   */
  @Test
  void twoServersAcceptingOneCandidateAtOnceLeaveOneDecision() throws Exception {
    int rounds = 8;
    EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
    try (Database db =
        Database.open(
            "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres",
            "postgres",
            "postgres")) {
      new SeedLoader(db).loadBundled();
      AccountRepository accounts = new AccountRepository(db);
      accounts.add("job:test", "alice", Role.CURATOR, "a long test password 1");
      accounts.add("job:test", "bob", Role.CURATOR, "a long test password 2");
      String alice = new ApiTokens(db).create("job:test", "alice", "test").token();
      String bob = new ApiTokens(db).create("job:test", "bob", "test").token();
      List<Long> candidates = new ArrayList<>();
      DocumentRepository docs = new DocumentRepository(db, 0.5);
      for (int i = 0; i < rounds; i++) {
        candidates.add(SameClaimCandidates.store(db, docs, i));
      }
      String url = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
      String a = serve(url, "a");
      String b = serve(url, "b");

      ExecutorService threads = Executors.newFixedThreadPool(2);
      try {
        for (long id : candidates) {
          CyclicBarrier together = new CyclicBarrier(2);
          Future<Integer> first = threads.submit(() -> accept(a, alice, id, together));
          Future<Integer> second = threads.submit(() -> accept(b, bob, id, together));
          assertThat(List.of(first.get(), second.get()))
              .as("candidate %d", id)
              .containsExactlyInAnyOrder(200, 409);
        }
      } finally {
        threads.shutdownNow();
      }
      assertThat(count(db, "SELECT COUNT(*) FROM claim WHERE id = ?", CLAIM)).isEqualTo(1);
      assertThat(count(db, "SELECT COUNT(*) FROM evidence WHERE claim_id = ?", CLAIM))
          .isEqualTo(rounds);
      AuditLog log = new AuditLog(db);
      for (long id : candidates) {
        assertThat(count(db, "SELECT COUNT(*) FROM candidate_decision WHERE candidate_id = ?", id))
            .isEqualTo(1);
        assertThat(log.history("candidate", Long.toString(id))).hasSize(1);
      }
      assertThat(log.verify().intact()).isTrue();
    } finally {
      postgres.close();
    }
  }

  private static int accept(String base, String token, long id, CyclicBarrier together)
      throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + "/api/v1/candidates/" + id + "/accept"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"tier\": \"B\"}"))
            .timeout(java.time.Duration.ofSeconds(60))
            .build();
    together.await();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  /** Starts {@code serve} in its own JVM and returns its base URL once it listens. */
  private String serve(String url, String name) throws Exception {
    Path log = dir.resolve(name + ".log");
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "--data",
                dir.resolve(name).toString(),
                "--db",
                url,
                "--db-pool-size",
                "3",
                "--db-pool-timeout",
                "1000",
                "serve",
                "--port",
                "0")
            .redirectError(log.toFile());
    builder.environment().put("CUSTODIET_DB_USER", "postgres");
    builder.environment().put("CUSTODIET_DB_PASSWORD", "postgres");
    Process process = builder.start();
    processes.add(process);
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String first = out.readLine();
    assertThat(first).as("first line of %s; log: %s", name, Files.readString(log)).isNotNull();
    Matcher m = Pattern.compile("serving (http://127\\.0\\.0\\.1:\\d+)/").matcher(first);
    assertThat(m.find()).as(first).isTrue();
    return m.group(1);
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(java.time.Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
