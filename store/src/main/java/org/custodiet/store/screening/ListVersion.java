package org.custodiet.store.screening;

import java.time.Instant;
import java.time.LocalDate;

/** One imported version of a list: when it was published and imported, and what it changed. */
public record ListVersion(
    long id,
    String listId,
    LocalDate versionDate,
    Instant importedAt,
    String fileName,
    String sha256,
    int entryCount,
    int added,
    int removed,
    int changed,
    int skipped,
    String actor) {}
