package org.custodiet.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.custodiet.core.extract.Gazetteer;
import org.custodiet.core.extract.RuleBasedExtractor;
import org.custodiet.core.model.KnowledgeBase;
import org.custodiet.ingest.IngestPipeline;
import org.custodiet.ingest.IngestReport;
import org.custodiet.ingest.Limits;
import org.custodiet.ingest.Progress;
import org.custodiet.ingest.ReadFailure;
import org.custodiet.store.Database;
import org.custodiet.store.KnowledgeBaseRepository;
import org.custodiet.store.SeedLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One generated corpus through the embedded ingest pipeline (H2) and through the Spark job on
 * local[2]: the same candidate claims, the same near-duplicate groups, the same counts, and the
 * broken records quarantined rather than failing the job.
 */
class SameResultsTest {
  @TempDir static Path dir;

  private static SparkSession spark;
  private static KnowledgeBase kb;

  @BeforeAll
  static void start() {
    try (Database db = Database.openDirectory(dir.resolve("kb"))) {
      new SeedLoader(db).loadBundled();
      kb = new KnowledgeBaseRepository(db).load();
    }
    spark = SharedSpark.session();
  }

  @Test
  void embeddedPathAndSparkJobFindTheSameCandidates() throws Exception {
    Path corpus = Corpus.write(dir.resolve("corpus"), 600);

    List<ReadFailure> failures = new ArrayList<>();
    Set<String> embeddedCandidates = new HashSet<>();
    Set<String> embeddedGroups = new HashSet<>();
    IngestReport embedded;
    try (Database db = Database.openDirectory(dir.resolve("embedded"))) {
      embedded =
          new IngestPipeline(db, new RuleBasedExtractor(Gazetteer.from(kb)))
              .run(List.of(corpus), failures::add, Progress.NONE);
      db.jdbi()
          .useHandle(
              h -> {
                h.createQuery(
                        "SELECT d.canonical_url, d.content_sha256, c.supplier_company_id,"
                            + " c.country_iso3, c.technology, c.city, c.lender_id, c.instrument,"
                            + " c.amount_usd, c.confidence, c.span_start, c.span_end"
                            + " FROM candidate_claim c JOIN document d ON d.id = c.document_id")
                    .map(
                        (rs, ctx) ->
                            candidate(
                                PreparedDocument.key(rs.getString(1), rs.getString(2)),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getString(6),
                                rs.getString(7),
                                rs.getString(8),
                                rs.getBigDecimal(9),
                                rs.getDouble(10),
                                rs.getInt(11),
                                rs.getInt(12)))
                    .forEach(embeddedCandidates::add);
                // A group is named by its first document, as the job names it.
                h.createQuery(
                        "SELECT d.canonical_url, d.content_sha256, f.canonical_url,"
                            + " f.content_sha256 FROM document d JOIN document f ON f.id ="
                            + " (SELECT MIN(id) FROM document g WHERE g.group_id = d.group_id)")
                    .map(
                        (rs, ctx) ->
                            PreparedDocument.key(rs.getString(1), rs.getString(2))
                                + " in "
                                + PreparedDocument.key(rs.getString(3), rs.getString(4)))
                    .forEach(embeddedGroups::add);
              });
    }

    String out = dir.resolve("spark-out").toString();
    SparkIngestJob.Report report =
        SparkIngestJob.run(
                spark,
                GazetteerSource.of(kb),
                new SparkIngestJob.Options(List.of(corpus.toString()), out, Limits.DEFAULT, 0.5))
            .report();
    Set<String> sparkCandidates = new HashSet<>();
    for (Row r : spark.read().parquet(out + "/candidates").collectAsList()) {
      sparkCandidates.add(
          candidate(
              r.getAs("document_key"),
              r.getAs("supplier_company_id"),
              r.getAs("country_iso3"),
              r.getAs("technology"),
              r.getAs("city"),
              r.getAs("lender_id"),
              r.getAs("instrument"),
              r.getAs("amount_usd"),
              r.<Double>getAs("confidence"),
              r.<Integer>getAs("span_start"),
              r.<Integer>getAs("span_end")));
    }
    Set<String> sparkGroups = new HashSet<>();
    for (Row r : spark.read().parquet(out + "/documents").collectAsList()) {
      sparkGroups.add(r.getAs("document_key") + " in " + r.getAs("group_key"));
    }
    List<Row> quarantine = spark.read().parquet(out + "/quarantine").collectAsList();

    // The corpus exercises what must agree: copies, near-copies, financing, broken lines.
    assertThat(embedded.duplicates()).isGreaterThan(5);
    assertThat(embedded.nearDuplicates()).isGreaterThan(20);
    assertThat(embedded.candidates()).isGreaterThan(50);
    assertThat(embeddedCandidates).anyMatch(c -> c.contains("|loan|") || c.contains("_loan|"));
    assertThat(embedded.failed()).isEqualTo(Corpus.BROKEN_LINES);

    assertThat(sparkCandidates).hasSize((int) embedded.candidates());
    assertThat(sparkCandidates).isEqualTo(embeddedCandidates);
    assertThat(sparkGroups).isEqualTo(embeddedGroups);
    assertThat(report.read()).isEqualTo(embedded.read());
    assertThat(report.documents()).isEqualTo(embedded.ingested());
    assertThat(report.duplicates()).isEqualTo(embedded.duplicates());
    assertThat(report.nearDuplicates()).isEqualTo(embedded.nearDuplicates());
    assertThat(report.candidates()).isEqualTo(embedded.candidates());
    assertThat(report.quarantined()).isEqualTo(embedded.failed());
    // The corpus's copies share text hashes and buckets, so the report must count shared keys.
    assertThat(report.sharedKeys()).isPositive();

    assertThat(quarantine).hasSize(Corpus.BROKEN_LINES);
    assertThat(quarantine)
        .extracting(r -> r.<String>getAs("origin") + ": " + r.getAs("error"))
        .containsExactlyInAnyOrderElementsOf(
            failures.stream().map(f -> f.origin() + ": " + f.message()).toList());
    assertThat(quarantine)
        .extracting(r -> r.<String>getAs("origin"))
        .allMatch(o -> o.contains("broken.jsonl line "));
  }

  static String candidate(
      String documentKey,
      String supplier,
      String country,
      String technology,
      String city,
      String lender,
      String instrument,
      BigDecimal amount,
      double confidence,
      int spanStart,
      int spanEnd) {
    return String.join(
        "|",
        documentKey,
        supplier,
        country,
        technology,
        String.valueOf(city),
        String.valueOf(lender),
        String.valueOf(instrument),
        amount == null ? "null" : amount.stripTrailingZeros().toPlainString(),
        String.format(Locale.ROOT, "%.6f", confidence),
        String.valueOf(spanStart),
        String.valueOf(spanEnd));
  }
}
