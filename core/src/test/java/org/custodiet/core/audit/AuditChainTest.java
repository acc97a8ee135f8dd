package org.custodiet.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditChainTest {
  private static List<AuditEntry> chain(int n) {
    List<AuditEntry> out = new ArrayList<>();
    String previous = AuditChain.GENESIS;
    for (int i = 1; i <= n; i++) {
      AuditEntry unsigned =
          new AuditEntry(
              i,
              "2026-11-27T10:00:0" + i + "Z",
              "user:a",
              "accept",
              "candidate",
              "c" + i,
              i % 2 == 0 ? null : "why",
              "{}",
              previous,
              "");
      AuditEntry signed =
          new AuditEntry(
              i,
              unsigned.recordedAt(),
              unsigned.actor(),
              unsigned.action(),
              unsigned.subjectType(),
              unsigned.subjectId(),
              unsigned.reason(),
              unsigned.detail(),
              previous,
              AuditChain.hash(unsigned));
      out.add(signed);
      previous = signed.entryHash();
    }
    return out;
  }

  @Test
  void anIntactChainLeadsToItsHead() {
    List<AuditEntry> entries = chain(4);
    AuditChain.Head head = new AuditChain.Head(4, entries.get(3).entryHash());
    AuditChain.Verification v = AuditChain.verify(entries.iterator(), head);
    assertThat(v.intact()).isTrue();
    assertThat(v.computedHead()).isEqualTo(head);
  }

  @Test
  void anEmptyLogMatchesTheEmptyHead() {
    assertThat(AuditChain.verify(List.<AuditEntry>of().iterator(), AuditChain.Head.EMPTY).intact())
        .isTrue();
  }

  @Test
  void fieldBoundariesCannotBeShifted() {
    AuditEntry a = new AuditEntry(1, "t", "ab", "c", "s", "i", null, "{}", AuditChain.GENESIS, "");
    AuditEntry b = new AuditEntry(1, "t", "a", "bc", "s", "i", null, "{}", AuditChain.GENESIS, "");
    AuditEntry emptyReason =
        new AuditEntry(1, "t", "ab", "c", "s", "i", "", "{}", AuditChain.GENESIS, "");
    assertThat(AuditChain.hash(a)).isNotEqualTo(AuditChain.hash(b));
    assertThat(AuditChain.hash(a)).isNotEqualTo(AuditChain.hash(emptyReason));
  }

  @Test
  void anEntryAppendedWithoutMovingTheHeadIsNamed() {
    List<AuditEntry> entries = chain(3);
    AuditChain.Head staleHead = new AuditChain.Head(2, entries.get(1).entryHash());
    AuditChain.Verification v = AuditChain.verify(entries.iterator(), staleHead);
    assertThat(v.brokenSeq()).isEqualTo(3L);
  }
}
