package org.custodiet.store.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.custodiet.core.audit.AuditAction;
import org.custodiet.core.audit.AuditChain;
import org.custodiet.core.audit.AuditEntry;
import org.custodiet.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The decision log against each database the store supports. The tampering cases edit, delete and
 * reorder rows directly in SQL, as someone with database access would, and expect verify to name
 * the entry.
 */
abstract class AuditLogContract {
  @TempDir Path tmp;

  private final List<Database> opened = new ArrayList<>();
  Database db;
  AuditLog log;

  protected abstract Database createDatabase() throws Exception;

  @BeforeEach
  void fiveDecisions() throws Exception {
    db = createDatabase();
    opened.add(db);
    log = new AuditLog(db);
    for (int i = 1; i <= 5; i++) {
      log.append(
          new AuditLog.Change(
              "user:alice",
              AuditAction.ACCEPT,
              "candidate",
              Integer.toString(i),
              "reason " + i,
              Map.of("claim", "KEN-x-" + i, "tier", "B")));
    }
  }

  @AfterEach
  void closeAll() {
    opened.forEach(Database::close);
  }

  private void sql(String statement) {
    db.jdbi().useHandle(h -> h.execute(statement));
  }

  @Test
  void anUntouchedLogVerifiesAndItsHeadIsTheLastEntry() {
    AuditChain.Verification v = log.verify();
    assertThat(v.intact()).isTrue();
    assertThat(v.entries()).isEqualTo(5);
    List<AuditEntry> all = log.entries(0, 10);
    assertThat(all).extracting(AuditEntry::seq).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(log.head()).isEqualTo(new AuditChain.Head(5, all.get(4).entryHash()));
    assertThat(all.get(0).previousHash()).isEqualTo(AuditChain.GENESIS);
    assertThat(all.get(3).entryHash()).isEqualTo(all.get(4).previousHash());
    assertThat(all.get(2).detail()).isEqualTo("{\"claim\":\"KEN-x-3\",\"tier\":\"B\"}");
  }

  @Test
  void editingAnyFieldOfAnEntryIsNamed() {
    for (String column : List.of("reason", "actor", "detail", "recorded_at", "subject_id")) {
      String original =
          db.jdbi()
              .withHandle(
                  h ->
                      h.createQuery("SELECT " + column + " FROM audit_entry WHERE seq = 3")
                          .mapTo(String.class)
                          .one());
      db.jdbi()
          .useHandle(
              h ->
                  h.createUpdate("UPDATE audit_entry SET " + column + " = :v WHERE seq = 3")
                      .bind("v", original + "x")
                      .execute());
      AuditChain.Verification v = log.verify();
      assertThat(v.intact()).as(column).isFalse();
      assertThat(v.brokenSeq()).as(column).isEqualTo(3L);
      assertThat(v.problem()).contains("entry 3");
      db.jdbi()
          .useHandle(
              h ->
                  h.createUpdate("UPDATE audit_entry SET " + column + " = :v WHERE seq = 3")
                      .bind("v", original)
                      .execute());
      assertThat(log.verify().intact()).isTrue();
    }
  }

  @Test
  void rehashingAnEditedEntryBreaksTheLinkFromTheNextOne() {
    AuditEntry third = log.entries(2, 1).get(0);
    AuditEntry forged =
        new AuditEntry(
            3,
            third.recordedAt(),
            "user:mallory",
            third.action(),
            third.subjectType(),
            third.subjectId(),
            third.reason(),
            third.detail(),
            third.previousHash(),
            "");
    String hash = AuditChain.hash(forged);
    db.jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        "UPDATE audit_entry SET actor = 'user:mallory', entry_hash = :h"
                            + " WHERE seq = 3")
                    .bind("h", hash)
                    .execute());
    AuditChain.Verification v = log.verify();
    assertThat(v.brokenSeq()).isEqualTo(4L);
    assertThat(v.problem()).contains("does not link to entry 3");
  }

  @Test
  void deletingAnEntryInTheMiddleIsNamed() {
    sql("DELETE FROM audit_entry WHERE seq = 2");
    AuditChain.Verification v = log.verify();
    assertThat(v.brokenSeq()).isEqualTo(2L);
    assertThat(v.problem()).contains("entries 2 to 2 are missing");
  }

  @Test
  void deletingTheLastEntryIsCaughtByTheHead() {
    sql("DELETE FROM audit_entry WHERE seq = 5");
    AuditChain.Verification v = log.verify();
    assertThat(v.brokenSeq()).isEqualTo(5L);
    assertThat(v.problem()).contains("head records entry 5").contains("ends at entry 4");
  }

  @Test
  void reorderingTwoEntriesIsNamed() {
    // Swap the numbers of entries 2 and 3, through a free number.
    sql("UPDATE audit_entry SET seq = 100 WHERE seq = 2");
    sql("UPDATE audit_entry SET seq = 2 WHERE seq = 3");
    sql("UPDATE audit_entry SET seq = 3 WHERE seq = 100");
    AuditChain.Verification v = log.verify();
    assertThat(v.brokenSeq()).isEqualTo(2L);
    assertThat(v.problem()).contains("does not link to entry 1");
  }

  @Test
  void concurrentAppendsStayOneChain() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<AuditEntry>> futures = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        int n = i;
        futures.add(
            pool.submit(
                () ->
                    log.append(
                        new AuditLog.Change(
                            "user:bob",
                            AuditAction.REJECT,
                            "candidate",
                            "c" + n,
                            "not about a state buyer",
                            Map.of()))));
      }
      for (Future<AuditEntry> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    AuditChain.Verification v = log.verify();
    assertThat(v.intact()).isTrue();
    assertThat(v.entries()).isEqualTo(45);
    assertThat(log.head().seq()).isEqualTo(45);
  }

  @Test
  void aChangeRolledBackLeavesNoEntry() {
    try {
      db.jdbi()
          .useTransaction(
              h -> {
                log.append(
                    h,
                    new AuditLog.Change(
                        "user:alice", AuditAction.EDIT, "claim", "x", "typo", Map.of()));
                throw new IllegalStateException("the change itself failed");
              });
    } catch (IllegalStateException expected) {
      // the transaction was rolled back
    }
    assertThat(log.head().seq()).isEqualTo(5);
    assertThat(log.verify().intact()).isTrue();
  }

  @Test
  void restoringEntriesReproducesTheHead() throws Exception {
    Database copy = createDatabase();
    opened.add(copy);
    AuditLog restored = new AuditLog(copy);
    copy.jdbi().useTransaction(h -> log.entries(0, 100).forEach(e -> restored.restore(h, e)));
    assertThat(restored.head()).isEqualTo(log.head());
    assertThat(restored.verify().intact()).isTrue();
  }
}
