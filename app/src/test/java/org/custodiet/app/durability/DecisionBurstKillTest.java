package org.custodiet.app.durability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.custodiet.store.Database;
import org.custodiet.store.audit.AuditLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code custodiet serve} in its own JVM takes a burst of writes over HTTP from several threads and
 * is SIGKILLed in the middle of it. After a restart every write the server acknowledged (2xx) is
 * there with its decision-log entry, and {@code audit verify} passes.
 */
class DecisionBurstKillTest {
  private static final String PASSWORD = "lighthouse keeper 2026";
  private static final int THREADS = 4;
  private static final int ACKS_BEFORE_KILL = 40;

  @TempDir Path work;

  /** Adds curator alice and returns an API token for her, through the command line. */
  static String curatorToken(Path logs, Path data) throws Exception {
    AppProcess.Result added =
        AppProcess.runWithInput(
            logs,
            "user-add",
            data,
            PASSWORD + "\n",
            "user",
            "add",
            "alice",
            "--role",
            "curator",
            "--password-stdin");
    assertThat(added.exit()).as(added.err()).isZero();
    AppProcess.Result token =
        AppProcess.run(logs, "token", data, "user", "token", "create", "alice", "--label", "burst");
    assertThat(token.exit()).as(token.err()).isZero();
    return token.out().strip();
  }

  /** One write of the burst: the request for the {@code n}th write of a thread, and its key. */
  interface Write {
    String key(int thread, int n);

    HttpRequest request(String base, String key);
  }

  /**
   * Fires writes from {@link #THREADS} threads until {@code acksBeforeKill} were acknowledged,
   * SIGKILLs the server and returns the keys of the acknowledged writes.
   */
  static Set<String> burstThenKill(AppProcess server, String base, Write write, int acksBeforeKill)
      throws Exception {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    AtomicInteger refused = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      pool.submit(
          () -> {
            for (int n = 0; ; n++) {
              String key = write.key(thread, n);
              if (key == null) {
                return;
              }
              try {
                HttpResponse<String> r =
                    client.send(write.request(base, key), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() / 100 == 2) {
                  acknowledged.add(key);
                } else {
                  refused.incrementAndGet();
                }
              } catch (java.io.IOException e) {
                return; // the server is gone
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
              }
            }
          });
    }
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (acknowledged.size() < acksBeforeKill && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    int status = server.kill();
    pool.shutdown();
    assertThat(pool.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
    assertThat(status).as("killed by SIGKILL while serving").isEqualTo(137);
    assertThat(acknowledged.size()).isGreaterThanOrEqualTo(acksBeforeKill);
    assertThat(refused.get()).as("writes refused before the kill").isZero();
    System.out.printf(
        "%s: %d writes acknowledged before SIGKILL (exit %d)%n",
        write.getClass().getEnclosingClass().getSimpleName(), acknowledged.size(), status);
    return Set.copyOf(acknowledged);
  }

  @Test
  void acknowledgedTokenCreationsSurviveSigkill() throws Exception {
    Path logs = work.resolve("logs");
    Path data = work.resolve("data");
    String token = curatorToken(logs, data);
    AppProcess server = AppProcess.start(logs, "serve", data, "serve", "--port", "0");
    String base = server.awaitServing();

    Set<String> acknowledged =
        burstThenKill(
            server,
            base,
            new Write() {
              @Override
              public String key(int thread, int n) {
                return "burst-" + thread + "-" + n;
              }

              @Override
              public HttpRequest request(String base, String key) {
                return HttpRequest.newBuilder(URI.create(base + "/account/tokens"))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "label=" + URLEncoder.encode(key, StandardCharsets.UTF_8)))
                    .build();
              }
            },
            ACKS_BEFORE_KILL);

    // Restart: every acknowledged token is stored, each with its decision-log entry.
    try (Database db = Database.openDirectory(data)) {
      List<String> stored =
          db.jdbi()
              .withHandle(
                  h -> h.createQuery("SELECT name FROM api_token").mapTo(String.class).list());
      assertThat(stored).containsAll(acknowledged);
      com.fasterxml.jackson.databind.ObjectMapper json =
          new com.fasterxml.jackson.databind.ObjectMapper();
      Set<String> logged = new HashSet<>();
      for (String detail :
          db.jdbi()
              .withHandle(
                  h ->
                      h.createQuery("SELECT detail FROM audit_entry WHERE action = 'token_create'")
                          .mapTo(String.class)
                          .list())) {
        logged.add(json.readTree(detail).path("label").asText());
      }
      assertThat(logged).containsAll(acknowledged);
      assertThat(new AuditLog(db).verify().intact()).isTrue();
    }
    AppProcess.Result verify = AppProcess.run(logs, "verify", data, "audit", "verify");
    assertThat(verify.exit()).as(verify.out()).isZero();
    assertThat(verify.out()).startsWith("intact: ");
  }
}
