package org.custodiet.spark;

import java.io.Serializable;

/**
 * One readable document after the same normalisation as the embedded ingest path, with what
 * deduplication needs.
 *
 * @param order its place in the input: the file's index in the sorted file list in the high 32
 *     bits, the record's number within the file in the low 32; the embedded path meets documents in
 *     this order, and "first seen" means lowest order
 * @param canonicalUrl the canonical form of its address, or null
 * @param publisher the host of the canonical address, or null
 * @param sourceFormat text, html, feed, warc or jsonl
 * @param body the normalised text the extractor reads; spans index into it
 * @param signature its MinHash signature
 */
public record PreparedDocument(
    long order,
    String file,
    String origin,
    String sourceFormat,
    String canonicalUrl,
    String publisher,
    String title,
    String published,
    String contentSha256,
    String body,
    int[] signature)
    implements Serializable {

  /** How outputs name the document: its canonical URL, else its text's hash. */
  public String key() {
    return key(canonicalUrl, contentSha256);
  }

  public static String key(String canonicalUrl, String contentSha256) {
    return canonicalUrl != null ? canonicalUrl : "sha256:" + contentSha256;
  }
}
