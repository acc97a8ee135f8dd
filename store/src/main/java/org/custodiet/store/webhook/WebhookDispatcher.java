package org.custodiet.store.webhook;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.custodiet.store.Database;

/**
 * Sends queued webhook deliveries. Each pass takes the due deliveries one by one with a conditional
 * UPDATE that leases the row to this dispatcher, so that dispatchers in several processes sharing a
 * database never send the same attempt twice; a lease left by a crashed process expires and the
 * delivery is tried again (receivers de-duplicate on X-Custodiet-Delivery). A 2xx answer delivers;
 * anything else is retried with exponential backoff and jitter until the last attempt fails. The
 * target is checked against the {@link WebhookTargets} policy before every attempt, since a name's
 * addresses may have changed since the webhook was added; a refused attempt is not sent and counts
 * as failed.
 */
public final class WebhookDispatcher implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(WebhookDispatcher.class.getName());
  private static final int BATCH = 20;
  private static final int MAX_ERROR_LENGTH = 1000;

  /**
   * The retry schedule: the n-th retry waits {@code firstRetry * 2^(n-1)}, at most {@code
   * maxRetry}, plus up to a fifth more at random; after {@code maxAttempts} attempts a delivery
   * fails. {@code poll} is how often due deliveries are looked for, {@code lease} how long an
   * attempt may hold a delivery, {@code timeout} the connect and read timeout of each attempt.
   */
  public record Settings(
      Duration firstRetry,
      Duration maxRetry,
      int maxAttempts,
      Duration poll,
      Duration lease,
      Duration timeout) {
    public static final Settings DEFAULTS =
        new Settings(
            Duration.ofSeconds(10),
            Duration.ofHours(1),
            8,
            Duration.ofSeconds(2),
            Duration.ofSeconds(60),
            Duration.ofSeconds(5));

    public Settings {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1");
      }
      if (lease.compareTo(timeout.multipliedBy(3)) < 0) {
        throw new IllegalArgumentException("the lease must outlast an attempt (3 x timeout)");
      }
    }

    /** The wait before the retry that follows attempt {@code attempts}, without jitter. */
    public Duration backoff(int attempts) {
      int doublings = Math.min(Math.max(attempts - 1, 0), 30);
      Duration d = firstRetry.multipliedBy(1L << doublings);
      return d.compareTo(maxRetry) > 0 ? maxRetry : d;
    }
  }

  private final Database db;
  private final Settings settings;
  private final WebhookTargets targets;
  private final String me;
  private final HttpClient client;
  private ScheduledExecutorService scheduler;

  /** A dispatcher that sends to public addresses only ({@link WebhookTargets#PUBLIC_ONLY}). */
  public WebhookDispatcher(Database db, Settings settings) {
    this(db, settings, WebhookTargets.PUBLIC_ONLY);
  }

  public WebhookDispatcher(Database db, Settings settings, WebhookTargets targets) {
    this.db = Objects.requireNonNull(db, "db");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.targets = Objects.requireNonNull(targets, "targets");
    byte[] random = new byte[4];
    new SecureRandom().nextBytes(random);
    this.me =
        ManagementFactory.getRuntimeMXBean().getName() + "-" + HexFormat.of().formatHex(random);
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(settings.timeout())
            // A redirect could lead to an address the target policy never saw.
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** Starts polling in a background thread; {@link #close} stops it. */
  public synchronized WebhookDispatcher start() {
    if (scheduler != null) {
      throw new IllegalStateException("the dispatcher is already running");
    }
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "webhook-dispatcher");
              t.setDaemon(true);
              return t;
            });
    long poll = settings.poll().toMillis();
    scheduler.scheduleWithFixedDelay(this::runSafely, 0, poll, TimeUnit.MILLISECONDS);
    return this;
  }

  private void runSafely() {
    try {
      runOnce();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "webhook dispatch pass failed: " + e.getMessage());
    }
  }

  /** Sends every delivery due now that no other dispatcher holds; returns how many were tried. */
  public int runOnce() {
    int tried = 0;
    while (true) {
      long now = System.currentTimeMillis();
      List<Long> due =
          db.jdbi()
              .withHandle(
                  h ->
                      h.createQuery(
                              "SELECT id FROM webhook_delivery WHERE status = 'pending'"
                                  + " AND next_attempt_millis <= :now AND (lease_until_millis IS"
                                  + " NULL OR lease_until_millis < :now)"
                                  + " ORDER BY next_attempt_millis, id LIMIT :n")
                          .bind("now", now)
                          .bind("n", BATCH)
                          .mapTo(Long.class)
                          .list());
      int before = tried;
      for (long id : due) {
        if (Thread.currentThread().isInterrupted()) {
          return tried;
        }
        Optional<Leased> leased = lease(id);
        if (leased.isPresent()) {
          send(leased.get());
          tried++;
        }
      }
      if (due.size() < BATCH || tried == before) {
        return tried;
      }
    }
  }

  /** A delivery this dispatcher holds, with where and how to sign it. */
  private record Leased(
      long id, int attempt, String event, String payload, String url, String secret) {}

  private Optional<Leased> lease(long id) {
    long now = System.currentTimeMillis();
    return db.jdbi()
        .inTransaction(
            h -> {
              int taken =
                  h.createUpdate(
                          "UPDATE webhook_delivery SET lease_until_millis = :until, leased_by = :me,"
                              + " attempts = attempts + 1 WHERE id = :id AND status = 'pending'"
                              + " AND next_attempt_millis <= :now AND (lease_until_millis IS NULL"
                              + " OR lease_until_millis < :now)")
                      .bind("until", now + settings.lease().toMillis())
                      .bind("me", me)
                      .bind("id", id)
                      .bind("now", now)
                      .execute();
              if (taken != 1) {
                return Optional.empty();
              }
              return h.createQuery(
                      "SELECT d.id, d.attempts, d.event, d.payload, w.url, w.secret"
                          + " FROM webhook_delivery d JOIN webhook w ON w.id = d.webhook_id"
                          + " WHERE d.id = :id")
                  .bind("id", id)
                  .map(
                      (rs, ctx) ->
                          new Leased(
                              rs.getLong(1),
                              rs.getInt(2),
                              rs.getString(3),
                              rs.getString(4),
                              rs.getString(5),
                              rs.getString(6)))
                  .findOne();
            });
  }

  private void send(Leased d) {
    Optional<String> refusal = targets.refusal(d.url());
    if (refusal.isPresent()) {
      record(d, null, "refused: " + refusal.get());
      return;
    }
    String timestamp = Long.toString(System.currentTimeMillis() / 1000);
    Integer status = null;
    String error = null;
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(d.url()))
              .timeout(settings.timeout())
              .header("Content-Type", "application/json")
              .header("User-Agent", "custodiet-webhook")
              .header("X-Custodiet-Event", d.event())
              .header("X-Custodiet-Delivery", Long.toString(d.id()))
              .header("X-Custodiet-Timestamp", timestamp)
              .header("X-Custodiet-Signature", "sha256=" + sign(d.secret(), timestamp, d.payload()))
              .POST(HttpRequest.BodyPublishers.ofString(d.payload(), StandardCharsets.UTF_8))
              .build();
      HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
      status = response.statusCode();
      if (status < 200 || status > 299) {
        error = "HTTP " + status;
      }
    } catch (IOException | IllegalArgumentException e) {
      error = e.getClass().getSimpleName() + ": " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      error = "interrupted";
    }
    record(d, status, error);
  }

  private void record(Leased d, Integer status, String error) {
    long now = System.currentTimeMillis();
    String outcome;
    long next = now;
    if (error == null) {
      outcome = "delivered";
    } else if (d.attempt() >= settings.maxAttempts()) {
      outcome = "failed";
    } else {
      outcome = "pending";
      long wait = settings.backoff(d.attempt()).toMillis();
      next = now + wait + ThreadLocalRandom.current().nextLong(wait / 5 + 1);
    }
    String shortError =
        error == null || error.length() <= MAX_ERROR_LENGTH
            ? error
            : error.substring(0, MAX_ERROR_LENGTH);
    long nextAttempt = next;
    db.jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        "UPDATE webhook_delivery SET status = :status, last_http_status = :http,"
                            + " last_error = :error, next_attempt_millis = :next,"
                            + " lease_until_millis = NULL, leased_by = NULL,"
                            + " delivered_millis = :delivered WHERE id = :id AND leased_by = :me")
                    .bind("status", outcome)
                    .bind("http", status)
                    .bind("error", shortError)
                    .bind("next", nextAttempt)
                    .bind("delivered", error == null ? (Long) now : null)
                    .bind("id", d.id())
                    .bind("me", me)
                    .execute());
    if (error != null) {
      LOG.log(
          System.Logger.Level.INFO,
          "webhook delivery "
              + d.id()
              + " attempt "
              + d.attempt()
              + ": "
              + error
              + " ("
              + outcome
              + ")");
    }
  }

  /** Hex HMAC-SHA256 of "timestamp.body" under the webhook's secret: what receivers recompute. */
  public static String sign(String secret, String timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of()
          .formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("the JDK cannot compute HMAC-SHA256", e);
    }
  }

  /** Stops polling and waits for a pass in progress to finish. */
  @Override
  public synchronized void close() {
    if (scheduler == null) {
      return;
    }
    scheduler.shutdownNow();
    try {
      if (!scheduler.awaitTermination(settings.timeout().toMillis() * 2, TimeUnit.MILLISECONDS)) {
        LOG.log(System.Logger.Level.WARNING, "the webhook dispatcher did not stop in time");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    scheduler = null;
  }
}
