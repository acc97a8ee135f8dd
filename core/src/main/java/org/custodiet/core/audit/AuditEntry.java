package org.custodiet.core.audit;

import java.util.Objects;

/**
 * One appended decision: who ({@code actor}, e.g. "user:alice" or "job:import"), when (ISO-8601
 * instant text), what ({@code action} on a subject, with {@code detail} as canonical JSON of the
 * change) and why ({@code reason}, optional for jobs). {@code previousHash} links it to the entry
 * before; {@code entryHash} is {@link AuditChain#hash} of all the other fields.
 */
public record AuditEntry(
    long seq,
    String recordedAt,
    String actor,
    String action,
    String subjectType,
    String subjectId,
    String reason,
    String detail,
    String previousHash,
    String entryHash) {
  public AuditEntry {
    Objects.requireNonNull(recordedAt, "recordedAt");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(subjectType, "subjectType");
    Objects.requireNonNull(subjectId, "subjectId");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(previousHash, "previousHash");
    Objects.requireNonNull(entryHash, "entryHash");
  }

  /** Whether {@code entryHash} is the hash of this entry's other fields. */
  public boolean hashMatches() {
    return AuditChain.hash(this).equals(entryHash);
  }
}
