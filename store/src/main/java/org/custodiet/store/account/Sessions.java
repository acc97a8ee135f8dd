package org.custodiet.store.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.custodiet.core.account.Principal;
import org.custodiet.core.account.Role;
import org.custodiet.store.Database;
import org.jdbi.v3.core.Handle;

/**
 * Signed-in browsers. The session id lives only in the cookie; the table keeps its SHA-256, so
 * reading the database does not let anyone take over a session. A session ends after {@link
 * #ABSOLUTE} whatever happens, or after {@link #IDLE} without a request.
 */
public final class Sessions {
  public static final Duration ABSOLUTE = Duration.ofHours(12);
  public static final Duration IDLE = Duration.ofMinutes(30);

  /** last_seen is written at most this often, so reading pages does not write on every request. */
  private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

  private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{43}");

  private final Database db;
  private final Clock clock;

  public Sessions(Database db) {
    this(db, Clock.systemUTC());
  }

  public Sessions(Database db, Clock clock) {
    this.db = Objects.requireNonNull(db, "db");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** A new session: the id for the cookie (shown only here) and its CSRF token. */
  public record NewSession(String id, String csrfToken, Instant expiresAt) {
    @Override
    public String toString() {
      return "NewSession[expiresAt=" + expiresAt + "]";
    }
  }

  /** A live session: who it belongs to and the CSRF token its forms must carry. */
  public record ActiveSession(Principal principal, String csrfToken) {}

  /** Starts a session for an enabled user. */
  public NewSession start(long userId) {
    String id = Secrets.random();
    String csrf = Secrets.random();
    Instant now = Times.now(clock);
    Instant expires = now.plus(ABSOLUTE);
    db.jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        "INSERT INTO user_session (id_hash, user_id, csrf_token, created_at,"
                            + " last_seen, expires_at) VALUES (:id, :u, :c, :t, :t, :e)")
                    .bind("id", Secrets.sha256(id))
                    .bind("u", userId)
                    .bind("c", csrf)
                    .bind("t", Times.sql(now))
                    .bind("e", Times.sql(expires))
                    .execute());
    return new NewSession(id, csrf, expires);
  }

  /**
   * The session {@code id} names if it is live and its user enabled; empty for malformed, unknown,
   * expired or idle ids (expired rows are deleted on the way).
   */
  public Optional<ActiveSession> resolve(String id) {
    if (!isWellFormed(id)) {
      return Optional.empty();
    }
    String hash = Secrets.sha256(id);
    Instant now = Times.now(clock);
    return db.jdbi()
        .withHandle(
            h -> {
              Optional<Row> row =
                  h.createQuery(
                          "SELECT s.csrf_token, s.last_seen, s.expires_at, u.id, u.username,"
                              + " u.role, u.disabled FROM user_session s JOIN app_user u"
                              + " ON u.id = s.user_id WHERE s.id_hash = :h")
                      .bind("h", hash)
                      .map(
                          (rs, ctx) ->
                              new Row(
                                  rs.getString("csrf_token"),
                                  Times.read(rs, "last_seen"),
                                  Times.read(rs, "expires_at"),
                                  new Principal(
                                      rs.getLong("id"),
                                      rs.getString("username"),
                                      Role.ofCode(rs.getString("role"))),
                                  rs.getBoolean("disabled")))
                      .findOne();
              if (row.isEmpty()) {
                return Optional.empty();
              }
              Row r = row.get();
              if (!r.expiresAt.isAfter(now) || !r.lastSeen.plus(IDLE).isAfter(now)) {
                h.createUpdate("DELETE FROM user_session WHERE id_hash = :h")
                    .bind("h", hash)
                    .execute();
                return Optional.empty();
              }
              if (r.disabled) {
                return Optional.empty();
              }
              if (!r.lastSeen.plus(TOUCH_EVERY).isAfter(now)) {
                h.createUpdate("UPDATE user_session SET last_seen = :t WHERE id_hash = :h")
                    .bind("t", Times.sql(now))
                    .bind("h", hash)
                    .execute();
              }
              return Optional.of(new ActiveSession(r.principal, r.csrfToken));
            });
  }

  private record Row(
      String csrfToken,
      Instant lastSeen,
      Instant expiresAt,
      Principal principal,
      boolean disabled) {}

  /** Ends one session (signing out); unknown ids are ignored. */
  public void end(String id) {
    if (!isWellFormed(id)) {
      return;
    }
    db.jdbi()
        .useHandle(
            h ->
                h.createUpdate("DELETE FROM user_session WHERE id_hash = :h")
                    .bind("h", Secrets.sha256(id))
                    .execute());
  }

  /** How many sessions the user has open now. */
  public int count(long userId) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT COUNT(*) FROM user_session WHERE user_id = :u")
                    .bind("u", userId)
                    .mapTo(Integer.class)
                    .one());
  }

  /** Deletes sessions past either limit; returns how many. */
  public int purgeExpired() {
    Instant now = Times.now(clock);
    return db.jdbi()
        .withHandle(
            h ->
                h.createUpdate(
                        "DELETE FROM user_session WHERE expires_at <= :now OR last_seen <= :idle")
                    .bind("now", Times.sql(now))
                    .bind("idle", Times.sql(now.minus(IDLE)))
                    .execute());
  }

  static int endAll(Handle h, long userId) {
    return h.createUpdate("DELETE FROM user_session WHERE user_id = :u")
        .bind("u", userId)
        .execute();
  }

  static boolean isWellFormed(String id) {
    return id != null && WELL_FORMED.matcher(id).matches();
  }
}
