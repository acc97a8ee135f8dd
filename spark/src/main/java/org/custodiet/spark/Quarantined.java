package org.custodiet.spark;

import java.io.Serializable;

/**
 * A record the job could not use, kept with where it was and why, instead of failing the job.
 *
 * @param file the input file
 * @param origin the file and position within it ("corpus.jsonl line 7", "crawl.warc record 3")
 * @param order the record's place in the input, as in {@link PreparedDocument#order()}
 */
public record Quarantined(String file, String origin, long order, String error)
    implements Serializable {}
