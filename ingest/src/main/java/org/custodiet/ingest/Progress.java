package org.custodiet.ingest;

/** Told after each document how far a run has come. */
public interface Progress {
  Progress NONE = (done, total, report) -> {};

  /**
   * @param bytesDone input bytes of the files finished plus the documents read in the current one
   * @param bytesTotal the size of all input files
   */
  void update(long bytesDone, long bytesTotal, IngestReport report);
}
