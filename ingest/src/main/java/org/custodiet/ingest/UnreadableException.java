package org.custodiet.ingest;

/** One document cannot be read; the message says why, for the person who gave us the file. */
final class UnreadableException extends Exception {
  private static final long serialVersionUID = 1L;

  UnreadableException(String message) {
    super(message);
  }
}
