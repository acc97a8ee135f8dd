package org.custodiet.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.custodiet.app.CommandLineTest.Run;
import org.custodiet.core.audit.AuditEntry;
import org.custodiet.store.Database;
import org.custodiet.store.account.AccountRepository;
import org.custodiet.store.account.ApiTokens;
import org.custodiet.store.audit.AuditLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** custodiet user ... against a real H2 data directory, passwords piped on standard input. */
class UserCommandTest {
  @TempDir Path data;

  private final InputStream originalIn = System.in;

  @AfterEach
  void restoreStdin() {
    System.setIn(originalIn);
  }

  private Run run(String stdin, String... args) {
    System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    return CommandLineTest.runOn(data, args);
  }

  private <T> T withDatabase(java.util.function.Function<Database, T> f) {
    try (Database db = Database.openDirectory(data)) {
      return f.apply(db);
    }
  }

  @Test
  void addListDisableEnableAndResetAreLoggedUnderTheCliActor() {
    Run add =
        run(
            "first admin passphrase\n",
            "user",
            "add",
            "ada",
            "--role",
            "admin",
            "--password-stdin");
    assertThat(add.exit()).as(add.err()).isZero();
    assertThat(add.out()).isEqualTo("added admin ada\n");
    assertThat(run("", "user", "add", "carol", "--role", "curator", "--password-stdin").exit())
        .as("empty stdin")
        .isEqualTo(Main.EXIT_USAGE);
    assertThat(
            run(
                    "carol's passphrase\n",
                    "user",
                    "add",
                    "carol",
                    "--role",
                    "curator",
                    "--password-stdin")
                .exit())
        .isZero();

    Run list = run("", "user", "list");
    assertThat(list.exit()).isZero();
    assertThat(list.out())
        .containsPattern("ada +admin +active")
        .containsPattern("carol +curator +active");
    assertThat(list.out()).endsWith("2 users\n");

    assertThat(run("", "user", "disable", "carol").out()).isEqualTo("disabled carol\n");
    assertThat(run("", "user", "list").out()).containsPattern("carol +curator +disabled");
    assertThat(run("", "user", "enable", "carol").out()).isEqualTo("enabled carol\n");
    Run reset = run("a replacement passphrase\n", "user", "reset", "carol", "--password-stdin");
    assertThat(reset.exit()).as(reset.err()).isZero();

    withDatabase(
        db -> {
          AccountRepository accounts = new AccountRepository(db);
          assertThat(accounts.authenticate("carol", "a replacement passphrase").outcome())
              .isEqualTo(AccountRepository.Outcome.SIGNED_IN);
          assertThat(accounts.authenticate("ada", "first admin passphrase").outcome())
              .isEqualTo(AccountRepository.Outcome.SIGNED_IN);
          List<AuditEntry> log = new AuditLog(db).history("user", "carol");
          assertThat(log)
              .extracting(AuditEntry::action)
              .containsExactly("user_add", "user_disable", "user_enable", "user_reset");
          assertThat(log)
              .extracting(AuditEntry::actor)
              .containsOnly("cli:" + System.getProperty("user.name"));
          assertThat(log).allSatisfy(e -> assertThat(e.detail()).doesNotContain("passphrase"));
          return null;
        });
  }

  @Test
  void tokensArePrintedOnceListedByPrefixAndRevoked() {
    run("a curator passphrase\n", "user", "add", "carol", "--role", "curator", "--password-stdin");
    Run created = run("", "user", "token", "create", "carol", "--label", "nightly harvest");
    assertThat(created.exit()).as(created.err()).isZero();
    String token = created.out().strip();
    assertThat(token).startsWith("cst_").hasSize(47);
    assertThat(created.err()).contains("not shown again");

    Run list = run("", "user", "token", "list", "carol");
    assertThat(list.out()).contains("nightly harvest").contains(token.substring(0, 12) + "…");
    assertThat(list.out()).doesNotContain(token);
    long id =
        withDatabase(
            db -> {
              assertThat(new ApiTokens(db).resolve(token)).isPresent();
              return new ApiTokens(db).list("carol").get(0).id();
            });

    Run revoke = run("", "user", "token", "revoke", Long.toString(id));
    assertThat(revoke.out()).isEqualTo("revoked token #" + id + " (nightly harvest) of carol\n");
    withDatabase(db -> assertThat(new ApiTokens(db).resolve(token)).isEmpty());
  }

  @Test
  void badNamesWeakPasswordsAndUnknownUsersAreClearErrors() {
    Run badName =
        run(
            "long enough passphrase\n",
            "user",
            "add",
            "Carol!",
            "--role",
            "curator",
            "--password-stdin");
    assertThat(badName.exit()).isEqualTo(Main.EXIT_USAGE);
    assertThat(badName.err()).contains("username: use only lower-case letters");

    Run weak = run("short\n", "user", "add", "carol", "--role", "curator", "--password-stdin");
    assertThat(weak.exit()).isEqualTo(Main.EXIT_USAGE);
    assertThat(weak.err()).contains("password: too short (5 characters; at least 12)");

    Run role =
        run(
            "long enough passphrase\n",
            "user",
            "add",
            "carol",
            "--role",
            "root",
            "--password-stdin");
    assertThat(role.exit()).isEqualTo(Main.EXIT_USAGE);
    assertThat(role.err()).contains("--role: unknown role 'root'");

    Run noConsole = run("", "user", "add", "carol", "--role", "curator");
    assertThat(noConsole.exit()).isEqualTo(Main.EXIT_USAGE);
    assertThat(noConsole.err()).contains("--password-stdin");

    run(
        "long enough passphrase\n",
        "user",
        "add",
        "carol",
        "--role",
        "curator",
        "--password-stdin");
    Run twice =
        run(
            "long enough passphrase\n",
            "user",
            "add",
            "carol",
            "--role",
            "admin",
            "--password-stdin");
    assertThat(twice.exit()).isEqualTo(Main.EXIT_INVALID_DATA);
    assertThat(twice.err()).contains("user 'carol' already exists");

    for (String[] args :
        new String[][] {
          {"user", "disable", "nobody"},
          {"user", "enable", "nobody"},
          {"user", "reset", "nobody", "--password-stdin"},
          {"user", "token", "create", "nobody", "--label", "x"},
          {"user", "token", "list", "nobody"},
          {"user", "token", "revoke", "424242"}
        }) {
      Run r = run("long enough passphrase\n", args);
      assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(Main.EXIT_NOT_FOUND);
      assertThat(r.err())
          .as(String.join(" ", args))
          .containsPattern("no (user 'nobody'|API token #424242)");
    }
    assertThat(run("", "user", "token", "revoke", "x").exit()).isEqualTo(Main.EXIT_USAGE);
    assertThat(run("", "user").exit()).isEqualTo(Main.EXIT_USAGE);
  }
}
