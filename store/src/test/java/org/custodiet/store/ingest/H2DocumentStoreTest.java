package org.custodiet.store.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.custodiet.store.Database;
import org.junit.jupiter.api.Test;

/** The document store suite on H2 file databases (the embedded default), one per test. */
class H2DocumentStoreTest extends DocumentStoreContract {
  @Override
  protected Database createDatabase() throws Exception {
    return Database.openDirectory(Files.createTempDirectory(tmp, "h2-"));
  }

  @Test
  void theIngestTablesHandOutIdsFromALargeCache() throws Exception {
    Database db = fresh();
    for (String table : List.of("near_duplicate_group", "document", "candidate_claim")) {
      long cache =
          db.jdbi()
              .withHandle(
                  h ->
                      h.createQuery(
                              "SELECT identity_cache FROM information_schema.columns"
                                  + " WHERE table_name = ? AND column_name = 'id'")
                          .bind(0, table)
                          .mapTo(Long.class)
                          .one());
      assertThat(cache).as(table).isEqualTo(4096);
    }
  }

  /**
   * A killed process never writes back the unused ids of its cache: the next one must start above
   * every id handed out before, committed or not, rather than reuse one.
   */
  @Test
  void afterAnAbruptShutdownNewIdsStayAboveTheStoredOnes() throws Exception {
    Path dir = Files.createTempDirectory(tmp, "h2-kill-");
    long[] before = new long[2];
    Database first = Database.openDirectory(dir);
    DocumentRepository docs = new DocumentRepository(first, 0.5);
    for (int i = 0; i < 2; i++) {
      StoreOutcome.Stored stored =
          (StoreOutcome.Stored)
              docs.store(
                  document(
                      "https://example-news.test/" + i,
                      sha((char) ('a' + i)),
                      TEXT + " Copy " + i + ".",
                      signature(i),
                      new long[] {10L + i}),
                  List.of(claim(0, 10, 0.8)));
      before[i] = stored.documentId();
    }
    try (Connection c = first.dataSource().getConnection();
        Statement kill = c.createStatement()) {
      kill.execute("SHUTDOWN IMMEDIATELY"); // closes the file as a killed process leaves it
    }
    first.close();

    try (Database second = Database.openDirectory(dir)) {
      DocumentRepository again = new DocumentRepository(second, 0.5);
      StoreOutcome.Stored after =
          (StoreOutcome.Stored)
              again.store(
                  document(
                      "https://example-news.test/after",
                      sha('z'),
                      TEXT + " Later.",
                      signature(9),
                      new long[] {19}),
                  List.of(claim(0, 10, 0.8)));
      assertThat(again.counts()).isEqualTo(new DocumentRepository.Counts(3, 3, 3));
      assertThat(after.documentId()).isGreaterThan(Math.max(before[0], before[1]));
      assertThat(again.find(before[0])).isPresent();
      assertThat(again.find(before[1])).isPresent();
    }
  }
}
