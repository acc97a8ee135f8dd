package org.custodiet.ingest;

/**
 * The counts a run ends with. Every document met is counted once as ingested, duplicate or failed:
 * {@code read == ingested + duplicates + failed}.
 *
 * @param read documents met, readable or not
 * @param ingested documents stored
 * @param duplicates documents already stored under the same canonical URL or with the same text
 * @param nearDuplicates of the ingested, those stored in the group of an earlier similar document
 * @param failed documents that could not be read or stored
 * @param candidates candidate claims stored, pending review
 * @param bytes input bytes of the documents read
 * @param suppressed candidates not stored because a curator had rejected the same span before
 */
public record IngestReport(
    long read,
    long ingested,
    long duplicates,
    long nearDuplicates,
    long failed,
    long candidates,
    long bytes,
    long suppressed) {

  public IngestReport(
      long read,
      long ingested,
      long duplicates,
      long nearDuplicates,
      long failed,
      long candidates,
      long bytes) {
    this(read, ingested, duplicates, nearDuplicates, failed, candidates, bytes, 0);
  }

  public String summary() {
    return String.format(
            java.util.Locale.ROOT,
            "read %d, ingested %d, duplicates %d, near-duplicates %d, failed %d, candidates %d",
            read,
            ingested,
            duplicates,
            nearDuplicates,
            failed,
            candidates)
        + (suppressed == 0 ? "" : ", suppressed " + suppressed + " (rejected before)");
  }
}
