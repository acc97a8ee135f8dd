package org.custodiet.store.ingest;

import java.util.Objects;

/**
 * A normalised document ready to be stored.
 *
 * @param canonicalUrl the {@code CanonicalUrl} form of its address, or null when it has none
 * @param contentSha256 hex SHA-256 of {@code body}
 * @param published YYYY, YYYY-MM or YYYY-MM-DD, or null
 * @param publisher the host it was published on, or null
 * @param sourceFormat text, html, feed, warc or jsonl
 * @param origin the file and position it was read from, for messages
 * @param body exactly the text the extractor reads; candidate spans index into it
 * @param minhash its MinHash signature, compared with other documents' to find near-duplicates
 * @param buckets its locality-sensitive hashing buckets: only documents sharing one are compared
 */
public record NewDocument(
    String canonicalUrl,
    String contentSha256,
    String title,
    String published,
    String publisher,
    String sourceFormat,
    String origin,
    String body,
    int[] minhash,
    long[] buckets) {
  public NewDocument {
    Objects.requireNonNull(contentSha256, "contentSha256");
    Objects.requireNonNull(sourceFormat, "sourceFormat");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(minhash, "minhash");
    Objects.requireNonNull(buckets, "buckets");
  }
}
