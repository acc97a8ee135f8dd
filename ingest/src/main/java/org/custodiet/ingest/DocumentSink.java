package org.custodiet.ingest;

/** Receives what a reader finds, one document or one failure at a time, as it streams. */
public interface DocumentSink {
  void document(RawDocument document);

  void failure(ReadFailure failure);
}
