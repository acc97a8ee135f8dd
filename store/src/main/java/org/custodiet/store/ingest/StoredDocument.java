package org.custodiet.store.ingest;

import java.time.OffsetDateTime;

/** A stored document as read back. */
public record StoredDocument(
    long id,
    String canonicalUrl,
    String contentSha256,
    String title,
    String published,
    String publisher,
    String sourceFormat,
    String origin,
    String body,
    long groupId,
    String publisherGroup,
    OffsetDateTime ingestedAt) {}
