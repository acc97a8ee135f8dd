package org.custodiet.store.ingest;

/** What storing one document did. */
public sealed interface StoreOutcome {
  /**
   * Stored as a new document.
   *
   * @param nearDuplicateOf the stored document it was found to copy, or null when it opened a new
   *     group
   * @param candidates candidates stored, pending review
   * @param suppressed candidates not stored because a curator rejected the same span before
   */
  record Stored(long documentId, long groupId, Long nearDuplicateOf, int candidates, int suppressed)
      implements StoreOutcome {
    public Stored(long documentId, long groupId, Long nearDuplicateOf, int candidates) {
      this(documentId, groupId, nearDuplicateOf, candidates, 0);
    }
  }

  /** Not stored: a document with the same canonical URL or the same text is already there. */
  record Duplicate(Kind kind, long existingDocumentId) implements StoreOutcome {}

  enum Kind {
    SAME_URL,
    SAME_TEXT
  }
}
