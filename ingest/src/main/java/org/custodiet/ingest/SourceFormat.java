package org.custodiet.ingest;

import java.util.Locale;

/** The kinds of input the ingest pipeline reads. */
public enum SourceFormat {
  TEXT,
  HTML,
  FEED,
  WARC,
  JSONL;

  /** The name stored with each document and shown in messages. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
