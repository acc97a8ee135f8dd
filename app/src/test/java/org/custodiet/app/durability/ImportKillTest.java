package org.custodiet.app.durability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.custodiet.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A large {@code custodiet import}, SIGKILLed at several moments while it runs: after a restart the
 * import is either wholly there or wholly absent, the decision log verifies, and running the import
 * again completes it.
 */
class ImportKillTest {
  private static final int ROWS = 6_000;
  private static final double[] KILL_AT = {0.3, 0.6, 0.85};
  private static final String[] COUNTRIES = {"KEN", "UGA", "ZMB", "ETH", "NGA", "PAK", "ECU"};

  @TempDir Path work;

  /** What an import changes, read after a restart. */
  record Counts(long claims, long sources, long evidence, long imports, long auditSeq) {
    Counts knowledge() {
      return new Counts(claims, sources, evidence, 0, 0);
    }
  }

  private static Counts counts(Path data) {
    try (Database db = Database.openDirectory(data)) {
      return db.jdbi()
          .withHandle(
              h ->
                  new Counts(
                      count(h, "SELECT COUNT(*) FROM claim"),
                      count(h, "SELECT COUNT(*) FROM source"),
                      count(h, "SELECT COUNT(*) FROM evidence"),
                      count(h, "SELECT COUNT(*) FROM import_batch WHERE kind = 'import'"),
                      count(h, "SELECT seq FROM audit_head")));
    }
  }

  private static long count(org.jdbi.v3.core.Handle h, String sql) {
    return h.createQuery(sql).mapTo(Long.class).one();
  }

  /** Claims with their own new sources, each in the import CSV format (docs/import-format.md). */
  private static Path generate(Path file) throws Exception {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write(
          "claim_id,kind,country_iso3,technology,supplier_company_id,supplier_origin_iso3,"
              + "lender_id,instrument,amount,currency,city,agency,stage,observed_from,observed_to,"
              + "source_id,source_type,source_url,source_doi,source_title,source_publisher,"
              + "source_publisher_group,source_published,source_tier,source_kind,source_licence,"
              + "source_attribution,evidence_summary,evidence_locator,evidence_recorded\n");
      for (int i = 0; i < ROWS; i++) {
        String country = COUNTRIES[i % COUNTRIES.length];
        w.write(
            "k"
                + i
                + ",uses,"
                + country
                + ",smart_city,,,,,,,Town "
                + i
                + ",,deployed,2024,,,document,https://durability.test/story/"
                + i
                + ",,Cameras in town "
                + i
                + ",Desk "
                + (i % 40)
                + ",Desk "
                + (i % 40)
                + ",2024-06,B,,,,Town "
                + i
                + " reports its camera network,,2026-01-01\n");
      }
    }
    return file;
  }

  private static Path copy(Path from, Path to) throws Exception {
    Files.createDirectories(to);
    try (var files = Files.list(from)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Files.copy(f, to.resolve(f.getFileName()));
      }
    }
    return to;
  }

  @Test
  void aKilledImportIsWholeOrAbsentAndCanBeRunAgain() throws Exception {
    Path logs = work.resolve("logs");
    Path base = work.resolve("base");
    AppProcess.Result seeded = AppProcess.run(logs, "seed", base, "index");
    assertThat(seeded.exit()).as(seeded.err()).isZero();
    Path file = generate(work.resolve("claims.csv"));
    Counts before = counts(base);

    // An uninterrupted run: how long it takes, and what "whole" looks like.
    Path reference = copy(base, work.resolve("reference"));
    long start = System.nanoTime();
    AppProcess.Result full =
        AppProcess.run(logs, "reference", reference, "import", file.toString());
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(full.exit()).as(full.err()).isZero();
    Counts whole = counts(reference);
    assertThat(whole)
        .isEqualTo(
            new Counts(
                before.claims() + ROWS,
                before.sources() + ROWS,
                before.evidence() + ROWS,
                before.imports() + 1,
                before.auditSeq() + 1));

    List<String> outcomes = new ArrayList<>();
    int killedWhileRunning = 0;
    for (int i = 0; i < KILL_AT.length; i++) {
      Path data = copy(base, work.resolve("killed-" + i));
      AppProcess importing = AppProcess.start(logs, "killed-" + i, data, "import", file.toString());
      Thread.sleep((long) (millis * KILL_AT[i]));
      int status = importing.kill();
      if (status == 137) {
        killedWhileRunning++;
      }

      Counts after = counts(data);
      assertThat(after)
          .as("after SIGKILL at %.0f%% of the run", KILL_AT[i] * 100)
          .isIn(before, whole);
      outcomes.add(
          String.format(
              "kill at %.0f%% (%d ms): exit %d, import %s",
              KILL_AT[i] * 100,
              (long) (millis * KILL_AT[i]),
              status,
              after.equals(whole) ? "whole" : "absent"));

      AppProcess.Result verify = AppProcess.run(logs, "verify-" + i, data, "audit", "verify");
      assertThat(verify.exit()).as(verify.out() + verify.err()).isZero();
      assertThat(verify.out()).startsWith("intact: " + after.auditSeq() + " entries");

      AppProcess.Result again = AppProcess.run(logs, "again-" + i, data, "import", file.toString());
      assertThat(again.exit()).as(again.err()).isZero();
      assertThat(counts(data).knowledge()).isEqualTo(whole.knowledge());
      assertThat(AppProcess.run(logs, "verify-again-" + i, data, "audit", "verify").exit())
          .isZero();
    }
    System.out.println("ImportKillTest: uninterrupted import " + millis + " ms; " + outcomes);
    // Kills that land after the import has finished test nothing; most must land while it runs.
    assertThat(killedWhileRunning).as(outcomes.toString()).isGreaterThanOrEqualTo(2);
  }
}
