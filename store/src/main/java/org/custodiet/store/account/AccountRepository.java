package org.custodiet.store.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.custodiet.core.account.Role;
import org.custodiet.core.audit.AuditAction;
import org.custodiet.store.Database;
import org.custodiet.store.audit.AuditLog;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * The users who may sign in. Every change is written to the decision log in the same transaction;
 * the log names the user and what changed, never a password or hash.
 */
public final class AccountRepository {
  /** Failed sign-ins in a row after which the account is locked. */
  public static final int MAX_FAILED_LOGINS = 5;

  /** How long a lock-out lasts. */
  public static final Duration LOCKOUT = Duration.ofMinutes(15);

  static final String SUBJECT = "user";

  /** The actor of lock-outs, which no person decides. */
  static final String LOGIN_GUARD = "job:login-guard";

  private static final RowMapper<Account> ACCOUNT =
      (rs, ctx) ->
          new Account(
              rs.getLong("id"),
              rs.getString("username"),
              Role.ofCode(rs.getString("role")),
              rs.getBoolean("disabled"),
              rs.getInt("failed_logins"),
              Times.read(rs, "locked_until"),
              Times.read(rs, "created_at"));

  private static final String COLUMNS =
      "id, username, role, disabled, failed_logins, locked_until, created_at";

  private final Database db;
  private final Clock clock;
  private final PasswordHasher hasher;
  private final AuditLog audit;

  public AccountRepository(Database db) {
    this(db, Clock.systemUTC(), PasswordHasher.DEFAULT);
  }

  public AccountRepository(Database db, Clock clock, PasswordHasher hasher) {
    this.db = Objects.requireNonNull(db, "db");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.hasher = Objects.requireNonNull(hasher, "hasher");
    this.audit = new AuditLog(db, clock);
  }

  /** How a sign-in attempt ended. */
  public enum Outcome {
    SIGNED_IN,
    /** Unknown user, wrong password or disabled account: the caller must not say which. */
    REFUSED,
    /** Too many failures; refused whatever the password until the lock-out ends. */
    LOCKED
  }

  /** The outcome and, when signed in, the account. */
  public record LoginResult(Outcome outcome, Account account) {}

  /** Adds a user; the name must be free and the password long enough. */
  public Account add(String actor, String username, Role role, String password) {
    Credentials.username(username);
    Objects.requireNonNull(role, "role");
    String hash = hasher.hash(Credentials.newPassword(password));
    Instant now = Times.now(clock);
    return db.jdbi()
        .inTransaction(
            h -> {
              if (find(h, username).isPresent()) {
                throw new AccountException(
                    AccountException.Kind.CONFLICT, "user '" + username + "' already exists");
              }
              long id =
                  h.createUpdate(
                          "INSERT INTO app_user (username, role, password_hash, created_at)"
                              + " VALUES (:u, :r, :h, :t)")
                      .bind("u", username)
                      .bind("r", role.code())
                      .bind("h", hash)
                      .bind("t", Times.sql(now))
                      .executeAndReturnGeneratedKeys("id")
                      .mapTo(Long.class)
                      .one();
              log(h, actor, AuditAction.USER_ADD, username, Map.of("role", role.code()));
              return find(h, id).orElseThrow();
            });
  }

  public Optional<Account> find(String username) {
    if (username == null || username.length() > Credentials.MAX_USERNAME) {
      return Optional.empty();
    }
    return db.jdbi().withHandle(h -> find(h, username));
  }

  public Optional<Account> find(long id) {
    return db.jdbi().withHandle(h -> find(h, id));
  }

  /** Every user, by name. */
  public List<Account> list() {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT " + COLUMNS + " FROM app_user ORDER BY username")
                    .map(ACCOUNT)
                    .list());
  }

  /** Disables a user and ends their sessions; their tokens stop working while disabled. */
  public void disable(String actor, String username) {
    db.jdbi()
        .useTransaction(
            h -> {
              Account a = existing(h, username);
              h.createUpdate("UPDATE app_user SET disabled = TRUE WHERE id = :id")
                  .bind("id", a.id())
                  .execute();
              int ended = Sessions.endAll(h, a.id());
              log(h, actor, AuditAction.USER_DISABLE, username, Map.of("sessionsEnded", ended));
            });
  }

  public void enable(String actor, String username) {
    db.jdbi()
        .useTransaction(
            h -> {
              Account a = existing(h, username);
              h.createUpdate("UPDATE app_user SET disabled = FALSE WHERE id = :id")
                  .bind("id", a.id())
                  .execute();
              log(h, actor, AuditAction.USER_ENABLE, username, Map.of());
            });
  }

  /**
   * Sets a new password chosen by an admin (or the CLI): clears any lock-out and ends every session
   * of the user, so whoever held the old password is signed out.
   */
  public void resetPassword(String actor, String username, String newPassword) {
    String hash = hasher.hash(Credentials.newPassword(newPassword));
    db.jdbi()
        .useTransaction(
            h -> {
              Account a = existing(h, username);
              setPassword(h, a.id(), hash);
              int ended = Sessions.endAll(h, a.id());
              log(
                  h,
                  actor,
                  AuditAction.USER_RESET,
                  username,
                  Map.of("by", "reset", "sessionsEnded", ended));
            });
  }

  /**
   * A user changes their own password, proving the current one; every session of theirs ends (the
   * caller starts a fresh one).
   */
  public void changeOwnPassword(long userId, String currentPassword, String newPassword) {
    Credentials.newPassword(newPassword);
    Account a = find(userId).orElseThrow(() -> AccountException.unknownUser("#" + userId));
    String stored = passwordHash(a.id());
    if (currentPassword == null
        || currentPassword.length() > Credentials.MAX_PASSWORD
        || !hasher.verify(currentPassword, stored)) {
      throw AccountException.invalid("current password: does not match");
    }
    String hash = hasher.hash(newPassword);
    db.jdbi()
        .useTransaction(
            h -> {
              setPassword(h, a.id(), hash);
              int ended = Sessions.endAll(h, a.id());
              log(
                  h,
                  a.principal().actor(),
                  AuditAction.USER_RESET,
                  a.username(),
                  Map.of("by", "self", "sessionsEnded", ended));
            });
  }

  /** Gives a user another role; their sessions continue with the new role. */
  public void changeRole(String actor, String username, Role role) {
    Objects.requireNonNull(role, "role");
    db.jdbi()
        .useTransaction(
            h -> {
              Account a = existing(h, username);
              if (a.role() == role) {
                return;
              }
              h.createUpdate("UPDATE app_user SET role = :r WHERE id = :id")
                  .bind("r", role.code())
                  .bind("id", a.id())
                  .execute();
              Map<String, Object> detail = new LinkedHashMap<>();
              detail.put("from", a.role().code());
              detail.put("to", role.code());
              log(h, actor, AuditAction.USER_ROLE, username, detail);
            });
  }

  /**
   * Checks a sign-in. Five failures in a row lock the account for {@link #LOCKOUT} (logged as a
   * lock-out); unknown users cost the same hashing time as known ones.
   */
  public LoginResult authenticate(String username, String password) {
    Instant now = Times.now(clock);
    Optional<Account> found = find(username);
    if (password == null || password.length() > Credentials.MAX_PASSWORD) {
      return new LoginResult(Outcome.REFUSED, null);
    }
    if (found.isEmpty()) {
      hasher.verifyDecoy(password);
      return new LoginResult(Outcome.REFUSED, null);
    }
    Account a = found.get();
    if (a.lockedAt(now)) {
      return new LoginResult(Outcome.LOCKED, null);
    }
    boolean matches = hasher.verify(password, passwordHash(a.id()));
    if (matches && !a.disabled()) {
      if (a.failedLogins() > 0 || a.lockedUntil() != null) {
        db.jdbi()
            .useHandle(
                h ->
                    h.createUpdate(
                            "UPDATE app_user SET failed_logins = 0, locked_until = NULL"
                                + " WHERE id = :id")
                        .bind("id", a.id())
                        .execute());
      }
      return new LoginResult(Outcome.SIGNED_IN, find(a.id()).orElseThrow());
    }
    if (a.disabled()) {
      return new LoginResult(Outcome.REFUSED, null);
    }
    return db.jdbi().inTransaction(h -> recordFailure(h, a.id(), now));
  }

  private LoginResult recordFailure(Handle h, long id, Instant now) {
    int failures =
        h.createQuery("SELECT failed_logins FROM app_user WHERE id = :id FOR UPDATE")
                .bind("id", id)
                .mapTo(Integer.class)
                .one()
            + 1;
    if (failures < MAX_FAILED_LOGINS) {
      h.createUpdate("UPDATE app_user SET failed_logins = :f WHERE id = :id")
          .bind("f", failures)
          .bind("id", id)
          .execute();
      return new LoginResult(Outcome.REFUSED, null);
    }
    Instant until = now.plus(LOCKOUT);
    h.createUpdate("UPDATE app_user SET failed_logins = 0, locked_until = :u WHERE id = :id")
        .bind("u", Times.sql(until))
        .bind("id", id)
        .execute();
    Account a = find(h, id).orElseThrow();
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("failures", failures);
    detail.put("until", until.toString());
    log(h, LOGIN_GUARD, AuditAction.USER_LOCKOUT, a.username(), detail);
    return new LoginResult(Outcome.LOCKED, null);
  }

  private String passwordHash(long id) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT password_hash FROM app_user WHERE id = :id")
                    .bind("id", id)
                    .mapTo(String.class)
                    .one());
  }

  private static void setPassword(Handle h, long id, String hash) {
    h.createUpdate(
            "UPDATE app_user SET password_hash = :h, failed_logins = 0, locked_until = NULL"
                + " WHERE id = :id")
        .bind("h", hash)
        .bind("id", id)
        .execute();
  }

  static Account existing(Handle h, String username) {
    Credentials.username(username);
    return find(h, username).orElseThrow(() -> AccountException.unknownUser(username));
  }

  static Optional<Account> find(Handle h, String username) {
    return h.createQuery("SELECT " + COLUMNS + " FROM app_user WHERE username = :u")
        .bind("u", username)
        .map(ACCOUNT)
        .findOne();
  }

  static Optional<Account> find(Handle h, long id) {
    return h.createQuery("SELECT " + COLUMNS + " FROM app_user WHERE id = :id")
        .bind("id", id)
        .map(ACCOUNT)
        .findOne();
  }

  private void log(
      Handle h, String actor, AuditAction action, String username, Map<String, ?> detail) {
    audit.append(h, new AuditLog.Change(actor, action, SUBJECT, username, null, detail));
  }
}
