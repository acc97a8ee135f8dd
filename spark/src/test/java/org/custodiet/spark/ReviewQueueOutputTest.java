package org.custodiet.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.custodiet.ingest.Limits;
import org.custodiet.store.Database;
import org.custodiet.store.KnowledgeBaseRepository;
import org.custodiet.store.SeedLoader;
import org.custodiet.store.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job's JDBC output into a real PostgreSQL review queue: complete, and idempotent. */
class ReviewQueueOutputTest {
  @TempDir Path dir;

  @Test
  void writesDocumentsAndCandidatesOnceIntoPostgres() throws Exception {
    SparkSession spark = SharedSpark.session();
    Path corpus = Corpus.write(dir.resolve("corpus"), 150);
    String url = TestPostgres.newDatabaseUrl("spark_queue");
    try (Database db = Database.open(url)) {
      new SeedLoader(db).loadBundled();
      GazetteerSource lists = GazetteerSource.of(new KnowledgeBaseRepository(db).load());
      String out = dir.resolve("out").toString();
      SparkIngestJob.Result result =
          SparkIngestJob.run(
              spark,
              lists,
              new SparkIngestJob.Options(List.of(corpus.toString()), out, Limits.DEFAULT, 0.5));
      SparkIngestJob.Report report = result.report();
      assertThat(report.candidates()).isGreaterThan(10);

      ReviewQueueWriter.Written first = ReviewQueueWriter.write(result.extracted(), db, 0.5, 25);
      assertThat(first.documents()).isEqualTo(report.documents());
      assertThat(first.candidates()).isEqualTo(report.candidates());
      assertThat(first.alreadyStored()).isZero();
      assertThat(first.refused()).isZero();

      Set<String> stored = new HashSet<>();
      db.jdbi()
          .useHandle(
              h ->
                  h.createQuery(
                          "SELECT d.canonical_url, d.content_sha256, c.supplier_company_id,"
                              + " c.country_iso3, c.technology, c.city, c.lender_id,"
                              + " c.instrument, c.amount_usd, c.confidence, c.span_start,"
                              + " c.span_end FROM candidate_claim c"
                              + " JOIN document d ON d.id = c.document_id"
                              + " WHERE c.status = 'pending'")
                      .map(
                          (rs, ctx) ->
                              SameResultsTest.candidate(
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
                      .forEach(stored::add));
      Set<String> written = new HashSet<>();
      for (Row r : spark.read().parquet(out + "/candidates").collectAsList()) {
        written.add(
            SameResultsTest.candidate(
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
      assertThat(stored).hasSize((int) report.candidates()).isEqualTo(written);
      long groups =
          db.jdbi()
              .withHandle(
                  h ->
                      h.createQuery("SELECT COUNT(*) FROM near_duplicate_group")
                          .mapTo(Long.class)
                          .one());
      assertThat(groups).isEqualTo(report.documents() - report.nearDuplicates());

      ReviewQueueWriter.Written again = ReviewQueueWriter.write(result.extracted(), db, 0.5, 25);
      assertThat(again.documents()).isZero();
      assertThat(again.candidates()).isZero();
      assertThat(again.alreadyStored()).isEqualTo(report.documents());
      assertThat(count(db, "document")).isEqualTo(report.documents());
      assertThat(count(db, "candidate_claim")).isEqualTo(report.candidates());
    }
  }

  private static long count(Database db, String table) {
    return db.jdbi()
        .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
  }
}
