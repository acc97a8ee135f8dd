package org.custodiet.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.custodiet.core.extract.CandidateClaim;
import org.custodiet.core.model.Financing;
import org.custodiet.store.ingest.DocumentRepository;
import org.custodiet.store.ingest.NewDocument;
import org.custodiet.store.ingest.StoreOutcome;
import org.junit.jupiter.api.Test;

/** The PostgreSQL connection pool, and two pools (two application processes) on one database. */
class ConnectionPoolTest {
  @Test
  void aFullPoolMakesTheNextRequestWaitThenFailClearly() throws Exception {
    try (Database first = TestPostgres.newDatabase("pool_full");
        Database db =
            Database.open(first.url(), "postgres", "postgres", new Database.Pool(2, 500))) {
      List<Connection> held = new ArrayList<>();
      try {
        held.add(db.dataSource().getConnection());
        held.add(db.dataSource().getConnection());
        assertThat(db.poolStats().active()).isEqualTo(2);
        assertThat(db.poolStats().max()).isEqualTo(2);
        long start = System.nanoTime();
        assertThatThrownBy(() -> db.dataSource().getConnection())
            .isInstanceOf(SQLException.class)
            .hasMessageContaining("request timed out");
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(450);
      } finally {
        for (Connection c : held) {
          c.close();
        }
      }
      try (Connection again = db.dataSource().getConnection()) {
        assertThat(again.isValid(2)).isTrue();
      }
      assertThat(db.poolStats().active()).isZero();
    }
  }

  @Test
  void poolSettingsOutOfRangeAreRefused() {
    assertThatThrownBy(() -> new Database.Pool(0, 1000))
        .hasMessageContaining("pool size must be between 1 and 1000, got 0");
    assertThatThrownBy(() -> new Database.Pool(5, 10))
        .hasMessageContaining("pool timeout must be between 250 ms and 10 minutes");
  }

  @Test
  void anUnreachableServerIsNamedWithoutItsPassword() {
    assertThatThrownBy(
            () ->
                Database.open(
                    "jdbc:postgresql://127.0.0.1:1/none?password=secret",
                    "postgres",
                    null,
                    new Database.Pool(2, 1000)))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("cannot connect to jdbc:postgresql://127.0.0.1:1/none?password=***")
        .hasMessageNotContaining("secret");
  }

  /**
   * Two processes' pools storing the same documents at the same moment: each document and its
   * candidates end up stored once, and each writer is told which ones the other stored first.
   */
  @Test
  void twoPoolsStoringTheSameDocumentsAtOnceStoreEachOnce() throws Exception {
    int documents = 40;
    try (Database a = TestPostgres.newDatabase("pool_two");
        Database b = Database.open(a.url(), "postgres", "postgres", new Database.Pool(4, 5000))) {
      CyclicBarrier together = new CyclicBarrier(2);
      ExecutorService threads = Executors.newFixedThreadPool(2);
      try {
        List<Future<int[]>> runs = new ArrayList<>();
        for (Database db : List.of(a, b)) {
          runs.add(threads.submit(writer(db, documents, together)));
        }
        int stored = 0;
        int duplicates = 0;
        for (Future<int[]> run : runs) {
          stored += run.get()[0];
          duplicates += run.get()[1];
        }
        assertThat(stored).isEqualTo(documents);
        assertThat(duplicates).isEqualTo(documents);
      } finally {
        threads.shutdown();
      }
      DocumentRepository.Counts counts = new DocumentRepository(a, 0.5).counts();
      assertThat(counts.documents()).isEqualTo(documents);
      assertThat(counts.candidates()).isEqualTo(documents);
    }
  }

  private static Callable<int[]> writer(Database db, int documents, CyclicBarrier together) {
    return () -> {
      DocumentRepository repository = new DocumentRepository(db, 0.5);
      together.await();
      int stored = 0;
      int duplicates = 0;
      for (int i = 0; i < documents; i++) {
        String body = "Story number " + i + " about street cameras in Lakeside.";
        StoreOutcome outcome =
            repository.store(
                new NewDocument(
                    "https://news.example/story-" + i,
                    String.format("%064x", i + 1),
                    "Story " + i,
                    null,
                    "news.example",
                    "jsonl",
                    "corpus.jsonl line " + (i + 1),
                    body,
                    signature(i),
                    new long[] {i, 1_000_000L + i}),
                List.of(
                    new CandidateClaim(
                        "examplecorp",
                        "XLK",
                        "smart_city",
                        null,
                        new CandidateClaim.FinancingMention(
                            null, Financing.Instrument.LOAN, new BigDecimal("1000")),
                        0.8,
                        0,
                        body.length(),
                        "test-extractor",
                        "1.0")));
        if (outcome instanceof StoreOutcome.Stored) {
          stored++;
        } else {
          duplicates++;
        }
      }
      return new int[] {stored, duplicates};
    };
  }

  private static int[] signature(int seed) {
    int[] s = new int[100];
    for (int i = 0; i < s.length; i++) {
      s[i] = seed * 1000 + i;
    }
    return s;
  }
}
