package org.custodiet.app;

import java.io.PrintWriter;
import java.util.Locale;
import org.custodiet.ingest.IngestReport;
import org.custodiet.ingest.Progress;

/** A one-line text progress bar, redrawn in place at most four times a second. */
final class ProgressBar implements Progress {
  private static final int WIDTH = 30;
  private static final long INTERVAL_NANOS = 250_000_000L;

  private final PrintWriter err;
  private long lastDrawn;
  private int lastLength;

  ProgressBar(PrintWriter err) {
    this.err = err;
  }

  @Override
  public void update(long bytesDone, long bytesTotal, IngestReport report) {
    long now = System.nanoTime();
    if (now - lastDrawn < INTERVAL_NANOS && bytesDone < bytesTotal) {
      return;
    }
    lastDrawn = now;
    double share = bytesTotal == 0 ? 1 : Math.min(1, bytesDone / (double) bytesTotal);
    int filled = (int) Math.round(share * WIDTH);
    String line =
        String.format(
            Locale.ROOT,
            "[%s%s] %3.0f%% %,.1f/%,.1f MB  read %d  ingested %d  duplicates %d  failed %d",
            "#".repeat(filled),
            ".".repeat(WIDTH - filled),
            share * 100,
            bytesDone / 1e6,
            bytesTotal / 1e6,
            report.read(),
            report.ingested(),
            report.duplicates(),
            report.failed());
    err.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
    err.flush();
    lastLength = line.length();
  }

  /** Wipes the bar so that a message can be printed on a clean line. */
  void clear() {
    if (lastLength > 0) {
      err.print("\r" + " ".repeat(lastLength) + "\r");
      lastLength = 0;
      lastDrawn = 0;
    }
  }

  void finish() {
    if (lastLength > 0) {
      err.println();
      err.flush();
    }
  }
}
