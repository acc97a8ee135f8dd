package org.custodiet.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.custodiet.core.audit.AuditAction;
import org.custodiet.store.Database;
import org.custodiet.store.audit.AuditLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code export --all} and {@code import --all} end to end: a data directory with the seed, an
 * import, ingested documents and review decisions, backed up and restored into a fresh H2 data
 * directory and a fresh PostgreSQL database, gives the same index and the same decision-log head.
 */
class BackupCommandTest {
  private static final String AS_OF = "2026-11-27";

  @TempDir static Path work;
  private static Path source;
  private static Path archive;
  private static EmbeddedPostgres postgres;

  @BeforeAll
  static void sourceWithImportsDocumentsAndDecisions() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    source = work.resolve("source");
    Path claims =
        Files.writeString(
            work.resolve("lakeside.json"),
            """
            {"sources": [{"id": "doc-lakeside", "url": "https://harbour-news.test/cameras",
               "title": "Harbour cameras", "publisher": "Harbour News", "tier": "A"}],
             "claims": [{"id": "dep/huawei/UGA/facial_recognition/lakeside", "kind": "uses",
               "country_iso3": "UGA", "technology": "facial_recognition", "city": "Lakeside",
               "stage": "deployed", "observed_from": "2024",
               "evidence": [{"source_id": "doc-lakeside", "recorded": "2026-01-15",
                 "summary": "The ministry's tender names the system"}]}]}
            """,
            StandardCharsets.UTF_8);
    assertThat(ok(source, "import", claims.toString()).out()).contains("1 new claims");
    Path text =
        Files.writeString(
            work.resolve("harbour.txt"),
            "Harbour police in Mombasa, Kenya, started using Hikvision cameras with face matching"
                + " last spring, the county government said.\n",
            StandardCharsets.UTF_8);
    ok(source, "ingest", text.toString());
    try (Database db = Database.openDirectory(source)) {
      AuditLog log = new AuditLog(db);
      for (int i = 1; i <= 4; i++) {
        log.append(
            new AuditLog.Change(
                "user:carol",
                AuditAction.REJECT,
                "candidate",
                Integer.toString(i),
                "not a deployment " + i,
                Map.of("claims", List.of())));
      }
    }
    archive = work.resolve("backup.zip");
    CommandLineTest.Run export = ok(source, "export", "--all", archive.toString());
    assertThat(export.err()).contains("backed up").contains(archive.toString());
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  private static CommandLineTest.Run ok(Path dir, String... args) {
    CommandLineTest.Run r = CommandLineTest.runOn(dir, args);
    assertThat(r.exit()).as("%s: %s", List.of(args), r.err()).isZero();
    return r;
  }

  private static String index(String... store) {
    CommandLineTest.Run r =
        CommandLineTest.run(concat(store, "index", "--format", "json", "--as-of", AS_OF));
    assertThat(r.exit()).as(r.err()).isZero();
    return r.out();
  }

  private static String head(String... store) {
    CommandLineTest.Run r = CommandLineTest.run(concat(store, "audit", "head"));
    assertThat(r.exit()).as(r.err()).isZero();
    return r.out();
  }

  private static String[] concat(String[] first, String... then) {
    String[] all = new String[first.length + then.length];
    System.arraycopy(first, 0, all, 0, first.length);
    System.arraycopy(then, 0, all, first.length, then.length);
    return all;
  }

  @Test
  void aRestoreIntoAFreshDataDirectoryGivesTheSameIndexAndAuditHead() {
    String[] from = {"--data", source.toString()};
    String[] to = {"--data", work.resolve("restored-h2").toString()};
    CommandLineTest.Run restore =
        CommandLineTest.run(concat(to, "import", "--all", archive.toString()));
    assertThat(restore.exit()).as(restore.err()).isZero();
    assertThat(restore.out()).startsWith("restored ").contains("decision-log head");

    assertThat(head(to)).isEqualTo(head(from)).startsWith("6 ");
    assertThat(index(to)).isEqualTo(index(from)).contains("\"countries\"");
    CommandLineTest.Run verify = CommandLineTest.run(concat(to, "audit", "verify"));
    assertThat(verify.out()).startsWith("intact: 6 entries");
    CommandLineTest.Run candidates =
        CommandLineTest.run(concat(to, "candidates", "--format", "json"));
    assertThat(candidates.out())
        .isEqualTo(CommandLineTest.run(concat(from, "candidates", "--format", "json")).out())
        .contains("hikvision");
    // The restored seed is recognised: nothing is loaded over it.
    assertThat(CommandLineTest.run(concat(to, "country", "KEN")).err()).doesNotContain("loaded");
  }

  @Test
  void aRestoreIntoAFreshPostgresDatabaseGivesTheSameIndexAndAuditHead() throws Exception {
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE restored");
    }
    String[] to = {
      "--db", postgres.getJdbcUrl("postgres", "postgres").replace("/postgres?", "/restored?")
    };
    String[] from = {"--data", source.toString()};
    CommandLineTest.Run restore =
        CommandLineTest.run(concat(to, "import", "--all", archive.toString()));
    assertThat(restore.exit()).as(restore.err()).isZero();
    assertThat(head(to)).isEqualTo(head(from));
    assertThat(index(to)).isEqualTo(index(from));
    assertThat(CommandLineTest.run(concat(to, "audit", "verify")).out())
        .startsWith("intact: 6 entries");
  }

  @Test
  void aDatabaseThatHoldsDataIsRefusedAndLeftAlone() {
    String before = head("--data", source.toString());
    CommandLineTest.Run r = CommandLineTest.runOn(source, "import", "--all", archive.toString());
    assertThat(r.exit()).isEqualTo(Main.EXIT_INVALID_DATA);
    assertThat(r.err()).contains("custodiet import:").contains("not empty");
    assertThat(head("--data", source.toString())).isEqualTo(before);
  }

  @Test
  void aDamagedArchiveIsRefusedAndTheNewDatabaseStaysEmpty() throws Exception {
    byte[] bytes = Files.readAllBytes(archive);
    Path cut =
        Files.write(work.resolve("cut.zip"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
    Path dir = work.resolve("from-cut");
    CommandLineTest.Run r = CommandLineTest.runOn(dir, "import", "--all", cut.toString());
    assertThat(r.exit()).isEqualTo(Main.EXIT_INVALID_DATA);
    assertThat(r.err()).contains("cut.zip").contains("not a complete ZIP archive");
    assertThat(head("--data", dir.toString()).strip()).isEqualTo("0 " + "0".repeat(64));

    // A part that inflates past --max-size is refused at the cap, whatever the rest holds.
    Path bomb = work.resolve("bomb.zip");
    try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(archive.toFile());
        java.util.zip.ZipOutputStream out =
            new java.util.zip.ZipOutputStream(Files.newOutputStream(bomb))) {
      for (java.util.zip.ZipEntry e : java.util.Collections.list(in.entries())) {
        out.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
        if (e.getName().equals("country.jsonl")) {
          out.write(new byte[2 << 20]);
        } else {
          in.getInputStream(e).transferTo(out);
        }
        out.closeEntry();
      }
    }
    CommandLineTest.Run tooBig =
        CommandLineTest.runOn(dir, "import", "--all", "--max-size", "1", bomb.toString());
    assertThat(tooBig.exit()).isEqualTo(Main.EXIT_INVALID_DATA);
    assertThat(tooBig.err()).contains("inflates to more than 1048576 bytes");
  }

  @Test
  void optionsThatDoNotApplyToAFullBackupAreUsageErrors() {
    CommandLineTest.Run r =
        CommandLineTest.runOn(
            source, "export", "--all", work.resolve("x.zip").toString(), "--format", "csv");
    assertThat(r.exit()).isEqualTo(Main.EXIT_USAGE);
    assertThat(r.err()).contains("--format");
    CommandLineTest.Run i =
        CommandLineTest.runOn(source, "import", "--all", "--format", "json", archive.toString());
    assertThat(i.exit()).isEqualTo(Main.EXIT_USAGE);
  }
}
