package org.custodiet.store.webhook;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.custodiet.core.audit.AuditAction;
import org.custodiet.store.Database;
import org.custodiet.store.audit.AuditLog;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Webhook subscriptions and their outbox. Adding and removing a webhook is logged as a decision in
 * the same transaction (without the secret); events are queued by the claim announcer in the
 * transaction that announces the claim, and sent by the {@link WebhookDispatcher}.
 */
public final class Webhooks {
  /** The event sent when a claim becomes established. */
  public static final String CLAIM_ESTABLISHED = "claim.established";

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String COLUMNS =
      "id, url, country_iso3, company_id, technology, created_at, created_by";
  private static final RowMapper<Webhook> WEBHOOK =
      (rs, ctx) ->
          new Webhook(
              rs.getLong("id"),
              rs.getString("url"),
              rs.getString("country_iso3"),
              rs.getString("company_id"),
              rs.getString("technology"),
              rs.getString("created_at"),
              rs.getString("created_by"));
  static final RowMapper<Delivery> DELIVERY =
      (rs, ctx) -> {
        int status = rs.getInt("last_http_status");
        Integer httpStatus = rs.wasNull() ? null : status;
        long delivered = rs.getLong("delivered_millis");
        Long deliveredMillis = rs.wasNull() ? null : delivered;
        return new Delivery(
            rs.getLong("id"),
            rs.getLong("webhook_id"),
            rs.getString("event"),
            rs.getString("claim_id"),
            rs.getString("status"),
            rs.getInt("attempts"),
            httpStatus,
            rs.getString("last_error"),
            rs.getLong("next_attempt_millis"),
            deliveredMillis,
            rs.getString("payload"));
      };

  private final Database db;
  private final Clock clock;
  private final WebhookTargets targets;

  /** Webhooks whose addresses must be public ({@link WebhookTargets#PUBLIC_ONLY}). */
  public Webhooks(Database db) {
    this(db, WebhookTargets.PUBLIC_ONLY);
  }

  public Webhooks(Database db, WebhookTargets targets) {
    this(db, Clock.systemUTC(), targets);
  }

  public Webhooks(Database db, Clock clock) {
    this(db, clock, WebhookTargets.PUBLIC_ONLY);
  }

  public Webhooks(Database db, Clock clock, WebhookTargets targets) {
    this.db = Objects.requireNonNull(db, "db");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.targets = Objects.requireNonNull(targets, "targets");
  }

  /** A webhook just added, with its signing secret: the only time the secret is given out. */
  public record Added(Webhook webhook, String secret) {}

  /**
   * Adds a webhook after checking its address, that its host is a permitted target, and that its
   * scope names a known country, company or technology; logs WEBHOOK_ADD by {@code actor}.
   */
  public Added add(String url, WebhookScope scope, String actor) {
    WebhookUrl.check(url);
    targets.check(url);
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(actor, "actor");
    String secret = newSecret();
    String now = now();
    return db.jdbi()
        .inTransaction(
            h -> {
              checkScope(h, scope);
              long id =
                  h.createUpdate(
                          "INSERT INTO webhook (url, secret, country_iso3, company_id, technology,"
                              + " created_at, created_by) VALUES (:url, :secret, :country,"
                              + " :company, :technology, :now, :actor)")
                      .bind("url", url)
                      .bind("secret", secret)
                      .bind("country", scope.countryIso3())
                      .bind("company", scope.companyId())
                      .bind("technology", scope.technology())
                      .bind("now", now)
                      .bind("actor", actor)
                      .executeAndReturnGeneratedKeys("id")
                      .mapTo(Long.class)
                      .one();
              Webhook webhook =
                  new Webhook(
                      id,
                      url,
                      scope.countryIso3(),
                      scope.companyId(),
                      scope.technology(),
                      now,
                      actor);
              Map<String, Object> detail = new LinkedHashMap<>();
              detail.put("url", url);
              detail.put("scope", webhook.scope());
              new AuditLog(db, clock)
                  .append(
                      h,
                      new AuditLog.Change(
                          actor,
                          AuditAction.WEBHOOK_ADD,
                          "webhook",
                          Long.toString(id),
                          null,
                          detail));
              return new Added(webhook, secret);
            });
  }

  private static void checkScope(Handle h, WebhookScope scope) {
    if (scope.countryIso3() != null
        && !exists(h, "SELECT COUNT(*) FROM country WHERE iso3 = :v", scope.countryIso3())) {
      throw new IllegalArgumentException(
          "webhook country: unknown country '" + scope.countryIso3() + "' (use an ISO3 code)");
    }
    if (scope.companyId() != null
        && !exists(h, "SELECT COUNT(*) FROM company WHERE id = :v", scope.companyId())) {
      throw new IllegalArgumentException(
          "webhook company: unknown company '" + scope.companyId() + "'");
    }
    if (scope.technology() != null
        && !exists(h, "SELECT COUNT(*) FROM technology WHERE code = :v", scope.technology())) {
      throw new IllegalArgumentException(
          "webhook technology: unknown technology '" + scope.technology() + "'");
    }
  }

  private static boolean exists(Handle h, String sql, String value) {
    return h.createQuery(sql).bind("v", value).mapTo(Long.class).one() > 0;
  }

  /** Removes a webhook, cancels its pending deliveries and logs WEBHOOK_REMOVE by {@code actor}. */
  public Webhook remove(long id, String actor) {
    Objects.requireNonNull(actor, "actor");
    return db.jdbi()
        .inTransaction(
            h -> {
              Webhook webhook =
                  h.createQuery(
                          "SELECT "
                              + COLUMNS
                              + " FROM webhook WHERE id = :id AND removed_at IS NULL FOR UPDATE")
                      .bind("id", id)
                      .map(WEBHOOK)
                      .findOne()
                      .orElseThrow(() -> new UnknownWebhookException(id));
              h.createUpdate("UPDATE webhook SET removed_at = :now WHERE id = :id")
                  .bind("now", now())
                  .bind("id", id)
                  .execute();
              int cancelled =
                  h.createUpdate(
                          "UPDATE webhook_delivery SET status = 'cancelled'"
                              + " WHERE webhook_id = :id AND status = 'pending'")
                      .bind("id", id)
                      .execute();
              Map<String, Object> detail = new LinkedHashMap<>();
              detail.put("url", webhook.url());
              detail.put("scope", webhook.scope());
              detail.put("cancelled_deliveries", cancelled);
              new AuditLog(db, clock)
                  .append(
                      h,
                      new AuditLog.Change(
                          actor,
                          AuditAction.WEBHOOK_REMOVE,
                          "webhook",
                          Long.toString(id),
                          null,
                          detail));
              return webhook;
            });
  }

  /** Active webhooks, oldest first. */
  public List<Webhook> list() {
    return db.jdbi().withHandle(Webhooks::active);
  }

  /** Active webhooks read inside the caller's transaction. */
  public static List<Webhook> active(Handle h) {
    return h.createQuery("SELECT " + COLUMNS + " FROM webhook WHERE removed_at IS NULL ORDER BY id")
        .map(WEBHOOK)
        .list();
  }

  /** The newest {@code limit} deliveries of every webhook, newest first. */
  public List<Delivery> deliveries(int limit) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT * FROM webhook_delivery ORDER BY id DESC LIMIT :n")
                    .bind("n", limit)
                    .map(DELIVERY)
                    .list());
  }

  /** Queues one event for one webhook inside the caller's transaction; returns the delivery id. */
  public static long enqueue(
      Handle h, long webhookId, String event, String claimId, String payload, long nowMillis) {
    return h.createUpdate(
            "INSERT INTO webhook_delivery (webhook_id, event, claim_id, payload, status, attempts,"
                + " next_attempt_millis, created_millis) VALUES (:webhook, :event, :claim,"
                + " :payload, 'pending', 0, :now, :now)")
        .bind("webhook", webhookId)
        .bind("event", event)
        .bind("claim", claimId)
        .bind("payload", payload)
        .bind("now", nowMillis)
        .executeAndReturnGeneratedKeys("id")
        .mapTo(Long.class)
        .one();
  }

  private String now() {
    return DateTimeFormatter.ISO_INSTANT.format(Instant.now(clock).truncatedTo(ChronoUnit.MILLIS));
  }

  private static String newSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
