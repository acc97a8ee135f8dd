package org.custodiet.ingest;

/**
 * A document that could not be read or stored, and why.
 *
 * @param origin the file and position ("feed.xml entry 2", "corpus.jsonl line 7")
 */
public record ReadFailure(String origin, String message) {
  @Override
  public String toString() {
    return origin + ": " + message;
  }
}
