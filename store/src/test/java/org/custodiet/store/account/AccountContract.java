package org.custodiet.store.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.custodiet.core.account.Principal;
import org.custodiet.core.account.Role;
import org.custodiet.core.audit.AuditEntry;
import org.custodiet.store.Database;
import org.custodiet.store.account.AccountRepository.Outcome;
import org.custodiet.store.audit.AuditLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Accounts, sessions and API tokens against each database the store supports. */
abstract class AccountContract {
  static final String ADMIN = "cli:root";
  static final String PASSWORD = "correct horse battery";

  @TempDir Path tmp;

  Database db;
  MutableClock clock;
  AccountRepository accounts;
  Sessions sessions;
  ApiTokens tokens;
  AuditLog audit;

  protected abstract Database createDatabase() throws Exception;

  @BeforeEach
  void open() throws Exception {
    db = createDatabase();
    clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    accounts = new AccountRepository(db, clock, PasswordHasher.DEFAULT);
    sessions = new Sessions(db, clock);
    tokens = new ApiTokens(db, clock);
    audit = new AuditLog(db, clock);
  }

  @AfterEach
  void close() {
    db.close();
  }

  private List<AuditEntry> history(String username) {
    return audit.history("user", username);
  }

  @Test
  void addingAUserStoresAnArgon2HashAndLogsTheAdditionWithoutSecrets() {
    Account alice = accounts.add(ADMIN, "alice", Role.CURATOR, PASSWORD);

    assertThat(alice.username()).isEqualTo("alice");
    assertThat(alice.role()).isEqualTo(Role.CURATOR);
    assertThat(alice.disabled()).isFalse();
    assertThat(alice.createdAt()).isEqualTo(clock.instant());
    String stored =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery("SELECT password_hash FROM app_user WHERE username = 'alice'")
                        .mapTo(String.class)
                        .one());
    assertThat(stored).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain(PASSWORD);
    List<AuditEntry> log = history("alice");
    assertThat(log).hasSize(1);
    assertThat(log.get(0).actor()).isEqualTo(ADMIN);
    assertThat(log.get(0).action()).isEqualTo("user_add");
    assertThat(log.get(0).detail()).isEqualTo("{\"role\":\"curator\"}");
    assertThat(audit.verify().intact()).isTrue();
  }

  @Test
  void badNamesWeakPasswordsAndDuplicatesAreRefusedAndNothingIsWritten() {
    accounts.add(ADMIN, "alice", Role.CURATOR, PASSWORD);
    long before = audit.head().seq();

    assertThatThrownBy(() -> accounts.add(ADMIN, "Alice", Role.CURATOR, PASSWORD))
        .hasMessageContaining("username: use only lower-case");
    assertThatThrownBy(() -> accounts.add(ADMIN, "a".repeat(65), Role.CURATOR, PASSWORD))
        .hasMessageContaining("username: 65 characters");
    assertThatThrownBy(() -> accounts.add(ADMIN, "bob\n", Role.CURATOR, PASSWORD))
        .hasMessageContaining("username:");
    assertThatThrownBy(() -> accounts.add(ADMIN, "bob", Role.CURATOR, "short pass"))
        .hasMessageContaining("password: too short (10 characters; at least 12)");
    assertThatThrownBy(() -> accounts.add(ADMIN, "bob", Role.CURATOR, "x".repeat(1025)))
        .hasMessageContaining("password: 1025 characters");
    assertThatThrownBy(() -> accounts.add(ADMIN, "bob", Role.CURATOR, "twelve chars\u0000"))
        .hasMessageContaining("password: contains a control character");
    assertThatThrownBy(() -> accounts.add(ADMIN, "alice", Role.ADMIN, PASSWORD))
        .isInstanceOfSatisfying(
            AccountException.class,
            e -> assertThat(e.kind()).isEqualTo(AccountException.Kind.CONFLICT))
        .hasMessage("user 'alice' already exists");
    assertThatThrownBy(() -> accounts.disable(ADMIN, "nobody"))
        .isInstanceOfSatisfying(
            AccountException.class,
            e -> assertThat(e.kind()).isEqualTo(AccountException.Kind.NOT_FOUND))
        .hasMessage("no user 'nobody'");

    assertThat(accounts.list()).extracting(Account::username).containsExactly("alice");
    assertThat(audit.head().seq()).isEqualTo(before);
  }

  @Test
  void signInSucceedsOnlyWithTheRightPasswordAndTheSameWayForUnknownUsers() {
    accounts.add(ADMIN, "alice", Role.ADMIN, PASSWORD);

    AccountRepository.LoginResult ok = accounts.authenticate("alice", PASSWORD);
    assertThat(ok.outcome()).isEqualTo(Outcome.SIGNED_IN);
    assertThat(ok.account().principal())
        .isEqualTo(new Principal(ok.account().id(), "alice", Role.ADMIN));
    assertThat(accounts.authenticate("alice", PASSWORD + "x").outcome()).isEqualTo(Outcome.REFUSED);
    assertThat(accounts.authenticate("mallory", PASSWORD).outcome()).isEqualTo(Outcome.REFUSED);
    assertThat(accounts.authenticate("alice", null).outcome()).isEqualTo(Outcome.REFUSED);
    assertThat(accounts.authenticate("a".repeat(5000), PASSWORD).outcome())
        .isEqualTo(Outcome.REFUSED);
    assertThat(accounts.find("alice").orElseThrow().failedLogins()).isEqualTo(1);
  }

  @Test
  void fiveFailuresLockTheAccountForFifteenMinutesEvenAgainstTheRightPassword() {
    accounts.add(ADMIN, "alice", Role.CURATOR, PASSWORD);
    for (int i = 0; i < 4; i++) {
      assertThat(accounts.authenticate("alice", "wrong password " + i).outcome())
          .isEqualTo(Outcome.REFUSED);
    }
    assertThat(accounts.authenticate("alice", "wrong password 5").outcome())
        .isEqualTo(Outcome.LOCKED);
    assertThat(accounts.authenticate("alice", PASSWORD).outcome()).isEqualTo(Outcome.LOCKED);

    List<AuditEntry> log = history("alice");
    assertThat(log).extracting(AuditEntry::action).containsExactly("user_add", "user_lockout");
    assertThat(log.get(1).actor()).isEqualTo("job:login-guard");
    assertThat(log.get(1).detail()).contains("\"failures\":5").contains("2026-03-01T10:15:00Z");

    clock.advance(Duration.ofMinutes(14));
    assertThat(accounts.authenticate("alice", PASSWORD).outcome()).isEqualTo(Outcome.LOCKED);
    clock.advance(Duration.ofMinutes(1));
    assertThat(accounts.authenticate("alice", PASSWORD).outcome()).isEqualTo(Outcome.SIGNED_IN);
    Account after = accounts.find("alice").orElseThrow();
    assertThat(after.failedLogins()).isZero();
    assertThat(after.lockedUntil()).isNull();
  }

  @Test
  void resetClearsTheLockOutEndsSessionsAndOnlyTheNewPasswordWorks() {
    Account alice = accounts.add(ADMIN, "alice", Role.CURATOR, PASSWORD);
    Sessions.NewSession session = sessions.start(alice.id());
    for (int i = 0; i < 5; i++) {
      accounts.authenticate("alice", "wrong password " + i);
    }
    accounts.resetPassword(ADMIN, "alice", "a brand new passphrase");

    assertThat(sessions.resolve(session.id())).isEmpty();
    assertThat(accounts.authenticate("alice", PASSWORD).outcome()).isEqualTo(Outcome.REFUSED);
    assertThat(accounts.authenticate("alice", "a brand new passphrase").outcome())
        .isEqualTo(Outcome.SIGNED_IN);
    AuditEntry reset = history("alice").get(2);
    assertThat(reset.action()).isEqualTo("user_reset");
    assertThat(reset.detail()).isEqualTo("{\"by\":\"reset\",\"sessionsEnded\":1}");
  }

  @Test
  void changingOwnPasswordNeedsTheCurrentOne() {
    Account alice = accounts.add(ADMIN, "alice", Role.CURATOR, PASSWORD);
    assertThatThrownBy(
            () -> accounts.changeOwnPassword(alice.id(), "not my password", "another passphrase"))
        .hasMessage("current password: does not match");
    accounts.changeOwnPassword(alice.id(), PASSWORD, "another passphrase");
    assertThat(accounts.authenticate("alice", "another passphrase").outcome())
        .isEqualTo(Outcome.SIGNED_IN);
    assertThat(history("alice").get(1).actor()).isEqualTo("user:alice");
  }

  @Test
  void disablingRefusesSignInAndEndsSessionsAndTokensUntilEnabled() {
    Account alice = accounts.add(ADMIN, "alice", Role.CURATOR, PASSWORD);
    Sessions.NewSession session = sessions.start(alice.id());
    ApiTokens.NewToken token = tokens.create(ADMIN, "alice", "nightly import");
    assertThat(tokens.resolve(token.token())).contains(alice.principal());

    accounts.disable(ADMIN, "alice");
    assertThat(accounts.authenticate("alice", PASSWORD).outcome()).isEqualTo(Outcome.REFUSED);
    assertThat(sessions.resolve(session.id())).isEmpty();
    assertThat(tokens.resolve(token.token())).isEmpty();

    accounts.enable(ADMIN, "alice");
    assertThat(accounts.authenticate("alice", PASSWORD).outcome()).isEqualTo(Outcome.SIGNED_IN);
    assertThat(tokens.resolve(token.token())).contains(alice.principal());
    assertThat(history("alice"))
        .extracting(AuditEntry::action)
        .containsExactly("user_add", "token_create", "user_disable", "user_enable");
  }

  @Test
  void roleChangesAreLoggedWithBothRoles() {
    accounts.add(ADMIN, "alice", Role.CURATOR, PASSWORD);
    accounts.changeRole(ADMIN, "alice", Role.ADMIN);
    accounts.changeRole(ADMIN, "alice", Role.ADMIN);
    assertThat(accounts.find("alice").orElseThrow().role()).isEqualTo(Role.ADMIN);
    List<AuditEntry> log = history("alice");
    assertThat(log).hasSize(2);
    assertThat(log.get(1).action()).isEqualTo("user_role");
    assertThat(log.get(1).detail()).isEqualTo("{\"from\":\"curator\",\"to\":\"admin\"}");
  }

  @Test
  void sessionsStoreOnlyADigestAndEndWhenIdleOrPastTheirAbsoluteLimit() {
    Account alice = accounts.add(ADMIN, "alice", Role.CURATOR, PASSWORD);
    Sessions.NewSession s = sessions.start(alice.id());

    String stored =
        db.jdbi()
            .withHandle(
                h -> h.createQuery("SELECT id_hash FROM user_session").mapTo(String.class).one());
    assertThat(stored).isEqualTo(Secrets.sha256(s.id())).isNotEqualTo(s.id());
    Sessions.ActiveSession active = sessions.resolve(s.id()).orElseThrow();
    assertThat(active.principal().username()).isEqualTo("alice");
    assertThat(active.csrfToken()).isEqualTo(s.csrfToken());

    // Requests every 20 minutes keep it alive until the absolute limit.
    for (int i = 0; i < 35; i++) {
      clock.advance(Duration.ofMinutes(20));
      assertThat(sessions.resolve(s.id())).as("after %d minutes", (i + 1) * 20).isPresent();
    }
    clock.advance(Duration.ofMinutes(20));
    assertThat(sessions.resolve(s.id())).as("past 12 hours").isEmpty();

    Sessions.NewSession idle = sessions.start(alice.id());
    clock.advance(Duration.ofMinutes(31));
    assertThat(sessions.resolve(idle.id())).as("idle 31 minutes").isEmpty();
    assertThat(sessions.count(alice.id())).isZero();
  }

  @Test
  void malformedOrUnknownSessionIdsResolveToNobody() {
    Account alice = accounts.add(ADMIN, "alice", Role.CURATOR, PASSWORD);
    Sessions.NewSession s = sessions.start(alice.id());
    for (String bad :
        new String[] {
          null, "", "x", s.id() + "x", s.id().substring(1) + "!", "' OR 1=1 --", Secrets.random()
        }) {
      assertThat(sessions.resolve(bad)).as(String.valueOf(bad)).isEmpty();
    }
    sessions.end(s.id());
    assertThat(sessions.resolve(s.id())).isEmpty();
  }

  @Test
  void tokensAreShownOnceStoredHashedListedAndRevocable() {
    Account alice = accounts.add(ADMIN, "alice", Role.CURATOR, PASSWORD);
    ApiTokens.NewToken t = tokens.create("user:alice", "alice", "  harvest script ");

    assertThat(t.token()).startsWith("cst_").hasSize(47);
    assertThat(t.displayPrefix()).isEqualTo(t.token().substring(0, 12));
    assertThat(t.toString()).doesNotContain(t.token());
    String stored =
        db.jdbi()
            .withHandle(
                h -> h.createQuery("SELECT token_hash FROM api_token").mapTo(String.class).one());
    assertThat(stored).isEqualTo(Secrets.sha256(t.token()));
    assertThat(tokens.resolve(t.token())).contains(alice.principal());
    assertThat(tokens.resolve(t.token() + "x")).isEmpty();
    assertThat(tokens.resolve("cst_" + Secrets.random())).isEmpty();

    List<ApiTokens.TokenInfo> listed = tokens.list("alice");
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0).name()).isEqualTo("harvest script");
    assertThat(listed.get(0).lastUsed()).isEqualTo(clock.instant());

    tokens.revoke(ADMIN, t.id());
    assertThat(tokens.resolve(t.token())).isEmpty();
    assertThat(tokens.list("alice").get(0).revoked()).isTrue();
    List<AuditEntry> log = history("alice");
    assertThat(log).extracting(AuditEntry::action).endsWith("token_create", "token_revoke");
    for (AuditEntry e : log) {
      assertThat(e.detail()).doesNotContain(t.token()).doesNotContain(stored);
    }
    assertThat(audit.verify().intact()).isTrue();
  }

  @Test
  void usersMayRevokeOnlyTheirOwnTokens() {
    Account alice = accounts.add(ADMIN, "alice", Role.CURATOR, PASSWORD);
    Account bob = accounts.add(ADMIN, "bob", Role.CURATOR, PASSWORD);
    ApiTokens.NewToken t = tokens.create(ADMIN, "alice", "script");

    assertThatThrownBy(() -> tokens.revokeOwn(bob.principal(), t.id()))
        .hasMessage("no API token #" + t.id());
    assertThat(tokens.resolve(t.token())).isPresent();
    tokens.revokeOwn(alice.principal(), t.id());
    assertThat(tokens.resolve(t.token())).isEmpty();
    assertThatThrownBy(() -> tokens.revoke(ADMIN, 9999)).hasMessage("no API token #9999");
    assertThatThrownBy(() -> tokens.create(ADMIN, "alice", " ")).hasMessage("label: missing");
    assertThatThrownBy(() -> tokens.create(ADMIN, "nobody", "x")).hasMessage("no user 'nobody'");
  }
}
