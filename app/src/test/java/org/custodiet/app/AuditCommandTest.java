package org.custodiet.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.custodiet.core.audit.AuditAction;
import org.custodiet.core.audit.AuditChain;
import org.custodiet.store.Database;
import org.custodiet.store.audit.AuditLog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code custodiet audit} on a real data directory. The tampering cases change decision rows
 * directly through JDBC, as someone with access to the database file would, and expect verify to
 * fail naming the entry.
 */
class AuditCommandTest {
  @TempDir static Path base;
  @TempDir Path work;

  /** A seeded data directory whose log holds the seed load and five review decisions (1 to 6). */
  @BeforeAll
  static void seedAndDecide() {
    assertThat(CommandLineTest.runOn(base, "index").exit()).isZero();
    try (Database db = Database.openDirectory(base)) {
      AuditLog log = new AuditLog(db);
      for (int i = 1; i <= 5; i++) {
        log.append(
            new AuditLog.Change(
                "user:alice",
                i % 2 == 0 ? AuditAction.REJECT : AuditAction.ACCEPT,
                "candidate",
                Integer.toString(i),
                "decision\nnumber " + i,
                Map.of("claims", List.of("aigs/KEN/smart_city"))));
      }
    }
  }

  /** A copy of the seeded directory, so each test may damage its own. */
  private Path copy() throws Exception {
    Path dir = work.resolve("data");
    Files.createDirectories(dir);
    try (var files = Files.list(base)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Files.copy(f, dir.resolve(f.getFileName()));
      }
    }
    return dir;
  }

  private static void tamper(Path dir, String... statements) throws Exception {
    String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("custodiet") + Database.H2_OPTIONS;
    try (Connection c = DriverManager.getConnection(url, "sa", "");
        Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.executeUpdate(sql);
      }
    }
  }

  @Test
  void anIntactLogVerifiesAndNamesItsHead() throws Exception {
    Path dir = copy();
    AuditChain.Head head;
    try (Database db = Database.openDirectory(dir)) {
      head = new AuditLog(db).head();
    }
    assertThat(head.seq()).isEqualTo(6);
    CommandLineTest.Run r = CommandLineTest.runOn(dir, "audit", "verify");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out().strip()).isEqualTo("intact: 6 entries, head 6 " + head.entryHash());

    CommandLineTest.Run h = CommandLineTest.runOn(dir, "audit", "head");
    assertThat(h.out().strip()).isEqualTo("6 " + head.entryHash());
  }

  @Test
  void editingADecisionFailsVerifyNamingIt() throws Exception {
    Path dir = copy();
    tamper(dir, "UPDATE audit_entry SET reason = 'it was always accepted' WHERE seq = 4");
    CommandLineTest.Run r = CommandLineTest.runOn(dir, "audit", "verify");
    assertThat(r.exit()).isEqualTo(Main.EXIT_INVALID_DATA);
    assertThat(r.out()).contains("broken at entry 4").contains("altered");
  }

  @Test
  void editingAnActorOrDetailIsCaughtToo() throws Exception {
    Path dir = copy();
    tamper(dir, "UPDATE audit_entry SET detail = '{\"claims\":[]}' WHERE seq = 2");
    CommandLineTest.Run r = CommandLineTest.runOn(dir, "audit", "verify");
    assertThat(r.exit()).isEqualTo(Main.EXIT_INVALID_DATA);
    assertThat(r.out()).contains("broken at entry 2");
  }

  @Test
  void deletingADecisionFailsVerifyNamingIt() throws Exception {
    Path dir = copy();
    tamper(dir, "DELETE FROM audit_entry WHERE seq = 3");
    CommandLineTest.Run r = CommandLineTest.runOn(dir, "audit", "verify");
    assertThat(r.exit()).isEqualTo(Main.EXIT_INVALID_DATA);
    assertThat(r.out()).contains("broken at entry 3").contains("missing");
  }

  @Test
  void deletingTheLastDecisionFailsVerifyNamingIt() throws Exception {
    Path dir = copy();
    tamper(dir, "DELETE FROM audit_entry WHERE seq = 6");
    CommandLineTest.Run r = CommandLineTest.runOn(dir, "audit", "verify");
    assertThat(r.exit()).isEqualTo(Main.EXIT_INVALID_DATA);
    assertThat(r.out()).contains("broken at entry 6").contains("removed from its end");
  }

  @Test
  void reorderingDecisionsFailsVerifyNamingTheFirstOutOfPlace() throws Exception {
    Path dir = copy();
    tamper(
        dir,
        "UPDATE audit_entry SET seq = 1000 WHERE seq = 3",
        "UPDATE audit_entry SET seq = 3 WHERE seq = 4",
        "UPDATE audit_entry SET seq = 4 WHERE seq = 1000");
    CommandLineTest.Run r = CommandLineTest.runOn(dir, "audit", "verify");
    assertThat(r.exit()).isEqualTo(Main.EXIT_INVALID_DATA);
    assertThat(r.out()).contains("broken at entry 3").contains("does not link to entry 2");
  }

  @Test
  void truncatingTheLogAndItsHeadTogetherShowsOnlyAsAChangedHead() throws Exception {
    Path dir = copy();
    // Removing the last entry and winding the head back hides nothing from a kept copy of the head,
    // but within the database it is consistent: verify passes, and the head it prints has changed.
    String before = CommandLineTest.runOn(dir, "audit", "head").out().strip();
    tamper(
        dir,
        "DELETE FROM audit_entry WHERE seq = 6",
        "UPDATE audit_head SET seq = 5, entry_hash = (SELECT entry_hash FROM audit_entry WHERE"
            + " seq = 5)");
    CommandLineTest.Run r = CommandLineTest.runOn(dir, "audit", "verify");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).doesNotContain(before.split(" ")[1]).contains("head 5 ");
  }

  @Test
  void aReleaseAnchorCatchesALogCutBackWithItsHead() throws Exception {
    Path dir = copy();
    CommandLineTest.Run release = CommandLineTest.runOn(dir, "release", "create", "2026-11");
    assertThat(release.exit()).as(release.err()).isZero();
    CommandLineTest.Run intact = CommandLineTest.runOn(dir, "audit", "verify");
    assertThat(intact.exit()).as(intact.out()).isZero();
    assertThat(intact.out()).contains("anchors: all 1 releases point into the chain");
    long last;
    try (Database db = Database.openDirectory(dir)) {
      last = new AuditLog(db).head().seq();
    }
    // The release's own entry is the last; cut back to the entry the release recorded, minus one.
    long cutTo = last - 2;
    tamper(
        dir,
        "DELETE FROM audit_entry WHERE seq > " + cutTo,
        "UPDATE audit_head SET seq = "
            + cutTo
            + ", entry_hash = (SELECT entry_hash FROM audit_entry WHERE seq = "
            + cutTo
            + ")");
    CommandLineTest.Run r = CommandLineTest.runOn(dir, "audit", "verify");
    assertThat(r.exit()).isEqualTo(Main.EXIT_INVALID_DATA);
    assertThat(r.out()).contains("broken anchor: release 2026-11").contains("missing");
  }

  @Test
  void logListsEntriesPageByPage() throws Exception {
    Path dir = copy();
    CommandLineTest.Run all = CommandLineTest.runOn(dir, "audit", "log");
    assertThat(all.exit()).as(all.err()).isZero();
    assertThat(all.out().lines().skip(2).toList()).hasSize(6);
    assertThat(all.out()).contains("job:seed").contains("decision number 3");

    CommandLineTest.Run page =
        CommandLineTest.runOn(
            dir, "audit", "log", "--after", "2", "--limit", "2", "--format", "json");
    JsonNode json = new ObjectMapper().readTree(page.out());
    assertThat(json.path("entries")).hasSize(2);
    assertThat(json.path("entries").get(0).path("seq").asLong()).isEqualTo(3);
    assertThat(json.path("entries").get(0).path("detail").path("claims").get(0).asText())
        .isEqualTo("aigs/KEN/smart_city");
    assertThat(json.path("entries").get(1).path("previous_hash").asText())
        .isEqualTo(json.path("entries").get(0).path("entry_hash").asText());
    assertThat(json.path("last_seq").asLong()).isEqualTo(4);

    assertThat(CommandLineTest.runOn(dir, "audit", "log", "--limit", "0").exit())
        .isEqualTo(Main.EXIT_USAGE);
    assertThat(CommandLineTest.runOn(dir, "audit", "log", "--after", "-1").exit())
        .isEqualTo(Main.EXIT_USAGE);
    assertThat(CommandLineTest.runOn(dir, "audit", "log", "--format", "csv").exit())
        .isEqualTo(Main.EXIT_USAGE);
  }

  @Test
  void historyShowsOneSubjectsEntries() throws Exception {
    Path dir = copy();
    CommandLineTest.Run r =
        CommandLineTest.runOn(dir, "audit", "history", "candidate", "2", "--format", "json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode entries = new ObjectMapper().readTree(r.out()).path("entries");
    assertThat(entries).hasSize(1);
    assertThat(entries.get(0).path("action").asText()).isEqualTo("reject");
    assertThat(entries.get(0).path("reason").asText()).isEqualTo("decision\nnumber 2");

    CommandLineTest.Run none = CommandLineTest.runOn(dir, "audit", "history", "candidate", "99");
    assertThat(none.exit()).isEqualTo(Main.EXIT_NOT_FOUND);
    assertThat(none.err()).contains("candidate '99'");
  }
}
