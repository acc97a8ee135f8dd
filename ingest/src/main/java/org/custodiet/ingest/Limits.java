package org.custodiet.ingest;

/**
 * Size limits that keep hostile or broken input from exhausting memory.
 *
 * @param maxDocumentBytes the largest single document read: a text or HTML file, a WARC record's
 *     payload, a JSON Lines line
 * @param maxFeedBytes the largest RSS or Atom file (a feed is parsed whole)
 * @param maxHtmlDepth the deepest element nesting accepted in HTML
 */
public record Limits(long maxDocumentBytes, long maxFeedBytes, int maxHtmlDepth) {
  public static final Limits DEFAULT = new Limits(4L << 20, 32L << 20, 256);

  public Limits {
    if (maxDocumentBytes < 1 || maxDocumentBytes > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("maximum document size out of range: " + maxDocumentBytes);
    }
    if (maxFeedBytes < 1 || maxFeedBytes > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("maximum feed size out of range: " + maxFeedBytes);
    }
    if (maxHtmlDepth < 8) {
      throw new IllegalArgumentException("maximum HTML depth must be at least 8: " + maxHtmlDepth);
    }
  }

  static String megabytes(long bytes) {
    if (bytes >= 1L << 30) {
      return String.format(java.util.Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
    }
    return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (double) (1L << 20));
  }
}
