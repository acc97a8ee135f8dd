package org.custodiet.store.ingest;

/** What storing one document did. */
public sealed interface StoreOutcome {
  /**
   * Stored as a new document.
   *
   * @param nearDuplicateOf the stored document it was found to copy, or null when it opened a new
   *     group
   */
  record Stored(long documentId, long groupId, Long nearDuplicateOf, int candidates)
      implements StoreOutcome {}

  /** Not stored: a document with the same canonical URL or the same text is already there. */
  record Duplicate(Kind kind, long existingDocumentId) implements StoreOutcome {}

  enum Kind {
    SAME_URL,
    SAME_TEXT
  }
}
