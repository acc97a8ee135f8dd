package org.custodiet.store.release;

import java.time.LocalDate;

/**
 * A named, frozen state of the index: what it was computed as of, who made it and when, and the
 * decision-log head at that moment ({@code auditSeq}, {@code auditHash}), which anchors it in the
 * chain.
 */
public record Release(
    String name,
    String note,
    LocalDate asOf,
    String createdAt,
    String createdBy,
    String rulesVersion,
    long auditSeq,
    String auditHash,
    int claimCount,
    int establishedCount) {}
