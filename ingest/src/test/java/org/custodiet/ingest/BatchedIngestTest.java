package org.custodiet.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.custodiet.core.extract.CandidateClaim;
import org.custodiet.core.extract.Extractor;
import org.custodiet.core.extract.Gazetteer;
import org.custodiet.core.extract.RuleBasedExtractor;
import org.custodiet.store.Database;
import org.custodiet.store.KnowledgeBaseRepository;
import org.custodiet.store.SeedLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Storing many documents per transaction must store exactly what storing them one by one does: the
 * same documents, the same near-duplicate groups, the same candidates, and the same failures, a
 * document the database refuses being rolled back alone.
 */
class BatchedIngestTest {
  @TempDir Path dir;

  /**
   * The real extractor over the bundled knowledge base, except that about one document in seventeen
   * (chosen by its text, so the same ones in every run) also gets a candidate whose country code is
   * too long for its column: the database refuses that document's last row.
   */
  private static Extractor refusingSome(Extractor real) {
    return new Extractor() {
      @Override
      public String name() {
        return real.name();
      }

      @Override
      public String version() {
        return real.version();
      }

      @Override
      public List<CandidateClaim> extract(String text) {
        List<CandidateClaim> claims = new ArrayList<>(real.extract(text));
        if (Math.floorMod(text.hashCode(), 17) == 0) {
          claims.add(
              new CandidateClaim(
                  "examplecorp",
                  "TOOLONG",
                  "smart_city",
                  null,
                  null,
                  0.5,
                  0,
                  1,
                  name(),
                  version()));
        }
        return claims;
      }
    };
  }

  private record Outcome(IngestReport report, List<String> failures, List<String> stored) {}

  /**
   * Ingests each of the runs in turn (a run being a list of files) into a fresh database; the
   * second and later runs find documents stored, so they look them up in the database rather than
   * in the first run's memory.
   */
  private Outcome ingest(
      String name, Extractor extractor, int documentsPerCommit, List<List<Path>> runs)
      throws Exception {
    try (Database db = Database.openDirectory(Files.createDirectories(dir.resolve(name)))) {
      List<String> failures = new ArrayList<>();
      IngestReport total = new IngestReport(0, 0, 0, 0, 0, 0, 0);
      for (List<Path> run : runs) {
        IngestReport report =
            new IngestPipeline(
                    db,
                    extractor,
                    Limits.DEFAULT,
                    IngestPipeline.DEFAULT_MIN_SIMILARITY,
                    documentsPerCommit)
                .run(run, f -> failures.add(f.toString()), Progress.NONE);
        total =
            new IngestReport(
                total.read() + report.read(),
                total.ingested() + report.ingested(),
                total.duplicates() + report.duplicates(),
                total.nearDuplicates() + report.nearDuplicates(),
                total.failed() + report.failed(),
                total.candidates() + report.candidates(),
                total.bytes() + report.bytes());
      }
      return new Outcome(total, failures, contents(db));
    }
  }

  /** The corpus cut in two files at a line boundary near its middle. */
  private List<Path> halves(Path corpus) throws Exception {
    List<String> lines = Files.readAllLines(corpus);
    int middle = lines.size() / 2;
    return List.of(
        Files.write(dir.resolve("first.jsonl"), lines.subList(0, middle)),
        Files.write(dir.resolve("second.jsonl"), lines.subList(middle, lines.size())));
  }

  /**
   * Every stored document with its group (named by the text hash of the group's first document) and
   * each of its candidates, in storing order.
   */
  private static List<String> contents(Database db) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT d.canonical_url, d.content_sha256, d.title, d.origin,"
                            + " (SELECT f.content_sha256 FROM document f WHERE f.group_id ="
                            + " d.group_id ORDER BY f.id LIMIT 1), g.publisher_group,"
                            + " c.supplier_company_id, c.country_iso3, c.technology, c.city,"
                            + " c.lender_id, c.instrument, c.amount_usd, c.confidence,"
                            + " c.span_start, c.span_end"
                            + " FROM document d JOIN near_duplicate_group g ON g.id = d.group_id"
                            + " LEFT JOIN candidate_claim c ON c.document_id = d.id"
                            + " ORDER BY d.id, c.id")
                    .map(
                        (rs, ctx) -> {
                          StringBuilder row = new StringBuilder();
                          for (int i = 1; i <= 16; i++) {
                            row.append(rs.getString(i)).append(" | ");
                          }
                          return row.toString();
                        })
                    .list());
  }

  @Test
  void manyDocumentsPerTransactionStoreWhatOneByOneStores() throws Exception {
    Path corpus = dir.resolve("corpus.jsonl");
    SyntheticCorpus.write(corpus, 1_500_000, 7);
    Extractor extractor;
    try (Database seed = Database.openDirectory(Files.createDirectories(dir.resolve("kb")))) {
      new SeedLoader(seed).loadBundled();
      extractor =
          refusingSome(
              new RuleBasedExtractor(Gazetteer.from(new KnowledgeBaseRepository(seed).load())));
    }

    List<Path> halves = halves(corpus);
    Outcome oneByOne =
        ingest("one-by-one", extractor, 1, List.of(List.of(halves.get(0)), List.of(halves.get(1))));
    Outcome batched = ingest("batched", extractor, 50, List.of(halves));

    IngestReport report = oneByOne.report();
    assertThat(report.failed()).as("documents the database refused").isGreaterThan(5);
    assertThat(report.duplicates()).isGreaterThan(0);
    assertThat(report.nearDuplicates()).isGreaterThan(0);
    assertThat(report.candidates()).isGreaterThan(0);
    assertThat(report.read()).isEqualTo(report.ingested() + report.duplicates() + report.failed());
    assertThat(oneByOne.failures()).hasSize((int) report.failed());
    assertThat(oneByOne.failures()).allSatisfy(f -> assertThat(f).contains("not stored:"));
    assertThat(oneByOne.stored()).noneMatch(row -> row.contains("TOOLONG"));

    assertThat(batched.report()).isEqualTo(report);
    assertThat(batched.failures()).isEqualTo(oneByOne.failures());
    assertThat(batched.stored()).isEqualTo(oneByOne.stored());
  }

  @Test
  void aSecondBatchedRunIngestsNothing() throws Exception {
    Path corpus = dir.resolve("corpus.jsonl");
    SyntheticCorpus.Written written = SyntheticCorpus.write(corpus, 300_000, 11);
    try (Database db = Database.openDirectory(Files.createDirectories(dir.resolve("db")))) {
      IngestPipeline pipeline =
          new IngestPipeline(
              db, new NamesExtractor(), Limits.DEFAULT, IngestPipeline.DEFAULT_MIN_SIMILARITY, 20);
      IngestReport first = pipeline.run(List.of(corpus), f -> {}, Progress.NONE);
      List<String> afterFirst = contents(db);
      IngestReport second = pipeline.run(List.of(corpus), f -> {}, Progress.NONE);
      assertThat(first.read()).isEqualTo(written.articles());
      assertThat(first.ingested()).isGreaterThan(0);
      assertThat(second.ingested()).isZero();
      assertThat(second.duplicates()).isEqualTo(written.articles());
      assertThat(contents(db)).isEqualTo(afterFirst);
    }
  }
}
