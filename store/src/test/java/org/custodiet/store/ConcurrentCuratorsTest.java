package org.custodiet.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custodiet.store.Queries.count;
import static org.custodiet.store.SameClaimCandidates.CLAIM;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.custodiet.core.account.Principal;
import org.custodiet.core.account.Role;
import org.custodiet.store.audit.AuditLog;
import org.custodiet.store.curation.CurationException;
import org.custodiet.store.curation.CurationService;
import org.custodiet.store.curation.Decision;
import org.custodiet.store.curation.Edits;
import org.custodiet.store.ingest.DocumentRepository;
import org.junit.jupiter.api.Test;

/**
 * Server mode with several application processes: two connection pools on one PostgreSQL database
 * (as two {@code serve} processes hold them) and two curators accepting the same candidate at the
 * same moment, many times over. Each time exactly one wins and the other is told of the conflict,
 * and nothing is written twice.
 */
class ConcurrentCuratorsTest {
  private static final Principal ALICE = new Principal(1, "alice", Role.CURATOR);
  private static final Principal BOB = new Principal(2, "bob", Role.CURATOR);
  private static final int ROUNDS = 15;

  @Test
  void twoProcessesAcceptingOneCandidateAtOnceLeaveOneDecisionEachTime() throws Exception {
    try (Database first = TestPostgres.newDatabase("two_curators");
        Database second =
            Database.open(first.url(), "postgres", "postgres", new Database.Pool(4, 10_000))) {
      new SeedLoader(first).loadBundled();
      List<Long> candidates = new ArrayList<>();
      DocumentRepository docs = new DocumentRepository(first, 0.5);
      for (int i = 0; i < ROUNDS; i++) {
        candidates.add(SameClaimCandidates.store(first, docs, i));
      }
      CurationService inA = new CurationService(first);
      CurationService inB = new CurationService(second);
      ExecutorService threads = Executors.newFixedThreadPool(2);
      int wins = 0;
      int conflicts = 0;
      try {
        for (long id : candidates) {
          CyclicBarrier together = new CyclicBarrier(2);
          Future<Decision> a =
              threads.submit(
                  () -> {
                    together.await();
                    return inA.accept(id, tierB(), null, ALICE);
                  });
          Future<Decision> b =
              threads.submit(
                  () -> {
                    together.await();
                    return inB.accept(id, tierB(), null, BOB);
                  });
          for (Future<Decision> f : List.of(a, b)) {
            try {
              assertThat(f.get().claims()).contains(CLAIM);
              wins++;
            } catch (ExecutionException e) {
              assertThat(e.getCause()).isInstanceOf(CurationException.class);
              assertThat(((CurationException) e.getCause()).kind())
                  .isEqualTo(CurationException.Kind.CONFLICT);
              conflicts++;
            }
          }
        }
      } finally {
        threads.shutdownNow();
      }
      assertThat(wins).isEqualTo(ROUNDS);
      assertThat(conflicts).isEqualTo(ROUNDS);

      assertThat(count(first, "SELECT COUNT(*) FROM claim WHERE id = ?", CLAIM)).isEqualTo(1);
      assertThat(count(first, "SELECT COUNT(*) FROM evidence WHERE claim_id = ?", CLAIM))
          .isEqualTo(ROUNDS);
      assertThat(
              count(
                  first,
                  "SELECT COUNT(*) FROM (SELECT claim_id, source_id FROM evidence"
                      + " GROUP BY claim_id, source_id HAVING COUNT(*) > 1) twice"))
          .isZero();
      AuditLog log = new AuditLog(first);
      for (long id : candidates) {
        assertThat(
                count(first, "SELECT COUNT(*) FROM candidate_decision WHERE candidate_id = ?", id))
            .isEqualTo(1);
        assertThat(log.history("candidate", Long.toString(id))).hasSize(1);
      }
      assertThat(log.verify().intact()).isTrue();
    }
  }

  private static Edits tierB() {
    return Edits.of(Map.of("tier", "B"), Edits.ACCEPT_FIELDS);
  }
}
