package org.custodiet.store.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.custodiet.core.account.Principal;
import org.custodiet.core.account.Role;
import org.custodiet.core.audit.AuditAction;
import org.custodiet.store.Database;
import org.custodiet.store.audit.AuditLog;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * API tokens for scripts, sent as {@code Authorization: Bearer cst_...}. The token is shown once
 * when created; the database keeps its SHA-256 and its first characters, to tell tokens apart.
 */
public final class ApiTokens {
  /** Every token starts with this, so a leaked one is easy to recognise in logs and code. */
  public static final String PREFIX = "cst_";

  private static final int DISPLAY_CHARS = 12;
  private static final Pattern WELL_FORMED = Pattern.compile("cst_[A-Za-z0-9_-]{43}");

  /** last_used is written at most this often. */
  private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

  private static final RowMapper<TokenInfo> INFO =
      (rs, ctx) ->
          new TokenInfo(
              rs.getLong("id"),
              rs.getString("username"),
              rs.getString("name"),
              rs.getString("display_prefix"),
              Times.read(rs, "created_at"),
              Times.read(rs, "last_used"),
              Times.read(rs, "revoked_at"));

  private final Database db;
  private final Clock clock;
  private final AuditLog audit;

  public ApiTokens(Database db) {
    this(db, Clock.systemUTC());
  }

  public ApiTokens(Database db, Clock clock) {
    this.db = Objects.requireNonNull(db, "db");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.audit = new AuditLog(db, clock);
  }

  /** A token just created: {@code token} is the secret, shown to its owner this once. */
  public record NewToken(long id, String token, String displayPrefix) {
    @Override
    public String toString() {
      return "NewToken[id=" + id + ", displayPrefix=" + displayPrefix + "]";
    }
  }

  /** What may be shown about a token: never the secret. */
  public record TokenInfo(
      long id,
      String username,
      String name,
      String displayPrefix,
      Instant createdAt,
      Instant lastUsed,
      Instant revokedAt) {
    public boolean revoked() {
      return revokedAt != null;
    }
  }

  /** Creates a token for {@code username} labelled {@code label}. */
  public NewToken create(String actor, String username, String label) {
    String name = Credentials.tokenLabel(label);
    String token = PREFIX + Secrets.random();
    String display = token.substring(0, DISPLAY_CHARS);
    Instant now = Times.now(clock);
    return db.jdbi()
        .inTransaction(
            h -> {
              Account a = AccountRepository.existing(h, username);
              long id =
                  h.createUpdate(
                          "INSERT INTO api_token (user_id, name, token_hash, display_prefix,"
                              + " created_at) VALUES (:u, :n, :h, :p, :t)")
                      .bind("u", a.id())
                      .bind("n", name)
                      .bind("h", Secrets.sha256(token))
                      .bind("p", display)
                      .bind("t", Times.sql(now))
                      .executeAndReturnGeneratedKeys("id")
                      .mapTo(Long.class)
                      .one();
              Map<String, Object> detail = new LinkedHashMap<>();
              detail.put("token", id);
              detail.put("label", name);
              log(h, actor, AuditAction.TOKEN_CREATE, a.username(), detail);
              return new NewToken(id, token, display);
            });
  }

  /** Revokes token {@code id}, whoever owns it (admins, the CLI). */
  public TokenInfo revoke(String actor, long id) {
    return revoke(actor, id, null);
  }

  /** Revokes token {@code id} if it belongs to {@code ownerId}; others' tokens are "not found". */
  public TokenInfo revokeOwn(Principal owner, long id) {
    return revoke(owner.actor(), id, owner.userId());
  }

  private TokenInfo revoke(String actor, long id, Long ownerId) {
    Instant now = Times.now(clock);
    return db.jdbi()
        .inTransaction(
            h -> {
              TokenInfo t =
                  find(h, id)
                      .filter(
                          info -> ownerId == null || ownerIdOf(h, info.id()) == ownerId.longValue())
                      .orElseThrow(
                          () ->
                              new AccountException(
                                  AccountException.Kind.NOT_FOUND, "no API token #" + id));
              if (t.revoked()) {
                return t;
              }
              h.createUpdate("UPDATE api_token SET revoked_at = :t WHERE id = :id")
                  .bind("t", Times.sql(now))
                  .bind("id", id)
                  .execute();
              Map<String, Object> detail = new LinkedHashMap<>();
              detail.put("token", id);
              detail.put("label", t.name());
              log(h, actor, AuditAction.TOKEN_REVOKE, t.username(), detail);
              return find(h, id).orElseThrow();
            });
  }

  /** The tokens of {@code username}, newest first, revoked ones included. */
  public List<TokenInfo> list(String username) {
    return db.jdbi()
        .withHandle(
            h -> {
              Account a = AccountRepository.existing(h, username);
              return h.createQuery(
                      "SELECT t.*, u.username FROM api_token t JOIN app_user u ON u.id = t.user_id"
                          + " WHERE t.user_id = :u ORDER BY t.id DESC")
                  .bind("u", a.id())
                  .map(INFO)
                  .list();
            });
  }

  /**
   * The user a presented token acts for: empty for malformed, unknown or revoked tokens and
   * disabled users.
   */
  public Optional<Principal> resolve(String token) {
    if (token == null || !WELL_FORMED.matcher(token).matches()) {
      return Optional.empty();
    }
    Instant now = Times.now(clock);
    return db.jdbi()
        .withHandle(
            h -> {
              Optional<TokenRow> row =
                  h.createQuery(
                          "SELECT t.id AS token_id, t.last_used, u.id AS user_id, u.username,"
                              + " u.role FROM api_token t JOIN app_user u ON u.id = t.user_id"
                              + " WHERE t.token_hash = :h AND t.revoked_at IS NULL"
                              + " AND u.disabled = FALSE")
                      .bind("h", Secrets.sha256(token))
                      .map(
                          (rs, ctx) ->
                              new TokenRow(
                                  rs.getLong("token_id"),
                                  Times.read(rs, "last_used"),
                                  new Principal(
                                      rs.getLong("user_id"),
                                      rs.getString("username"),
                                      Role.ofCode(rs.getString("role")))))
                      .findOne();
              if (row.isEmpty()) {
                return Optional.empty();
              }
              TokenRow r = row.get();
              if (r.lastUsed() == null || !r.lastUsed().plus(TOUCH_EVERY).isAfter(now)) {
                h.createUpdate("UPDATE api_token SET last_used = :t WHERE id = :id")
                    .bind("t", Times.sql(now))
                    .bind("id", r.tokenId())
                    .execute();
              }
              return Optional.of(r.principal());
            });
  }

  private record TokenRow(long tokenId, Instant lastUsed, Principal principal) {}

  private static Optional<TokenInfo> find(Handle h, long id) {
    return h.createQuery(
            "SELECT t.*, u.username FROM api_token t JOIN app_user u ON u.id = t.user_id"
                + " WHERE t.id = :id")
        .bind("id", id)
        .map(INFO)
        .findOne();
  }

  private static long ownerIdOf(Handle h, long tokenId) {
    return h.createQuery("SELECT user_id FROM api_token WHERE id = :id")
        .bind("id", tokenId)
        .mapTo(Long.class)
        .one();
  }

  private void log(
      Handle h, String actor, AuditAction action, String username, Map<String, ?> detail) {
    audit.append(
        h, new AuditLog.Change(actor, action, AccountRepository.SUBJECT, username, null, detail));
  }
}
