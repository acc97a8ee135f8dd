package org.custodiet.ingest;

/**
 * One document as a reader found it, before normalisation.
 *
 * @param origin the file and position it was read from ("news.warc record 3")
 * @param url the address it was published at, as given, or null
 * @param title its title, or null
 * @param published YYYY, YYYY-MM or YYYY-MM-DD, or null
 * @param text its main text
 * @param rawBytes the size of the input it was read from, for throughput and progress
 */
public record RawDocument(
    String origin,
    SourceFormat format,
    String url,
    String title,
    String published,
    String text,
    long rawBytes) {}
