package org.custodiet.web.http;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per request, {@code time=2026-11-27T13:10:08.123Z method=GET path=/api/v1/figures
 * status=200 ms=0.41 bytes=5120}, written by a background thread so that serving never waits on the
 * log. When the writer falls behind by more than {@link #CAPACITY} lines, lines are dropped and
 * counted, and the count is logged, rather than slowing every request down.
 */
public final class AccessLog implements RequestLog, AutoCloseable {
  static final int CAPACITY = 65_536;
  private static final Logger LOG = LoggerFactory.getLogger("custodiet.access");

  private record Line(
      long startMillis, String method, String path, int status, long nanos, long bytes) {}

  private final BlockingQueue<Line> queue = new ArrayBlockingQueue<>(CAPACITY);
  private final AtomicLong dropped = new AtomicLong();
  private final Thread writer;
  private volatile boolean open = true;

  public AccessLog() {
    writer = new Thread(this::drain, "custodiet-access-log");
    writer.setDaemon(true);
    writer.start();
  }

  @Override
  public void log(Request request, Response response) {
    if (!LOG.isInfoEnabled()) {
      return;
    }
    Line line =
        new Line(
            Request.getTimeStamp(request),
            request.getMethod(),
            request.getHttpURI().getPath(),
            response.getStatus(),
            System.nanoTime() - request.getBeginNanoTime(),
            Response.getContentBytesWritten(response));
    if (!queue.offer(line)) {
      dropped.incrementAndGet();
    }
  }

  private void drain() {
    List<Line> batch = new ArrayList<>(1024);
    while (open || !queue.isEmpty()) {
      try {
        Line first = queue.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, 1023);
        for (Line l : batch) {
          LOG.info(
              "time={} method={} path={} status={} ms={} bytes={}",
              Instant.ofEpochMilli(l.startMillis()),
              l.method(),
              quoted(l.path()),
              l.status(),
              millis(l.nanos()),
              l.bytes());
        }
        batch.clear();
        long lost = dropped.getAndSet(0);
        if (lost > 0) {
          LOG.warn("access log fell behind: {} lines dropped", lost);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Nanoseconds as milliseconds with two decimals, without the cost of String.format. */
  static String millis(long nanos) {
    long hundredths = Math.max(0, nanos) / 10_000;
    long fraction = hundredths % 100;
    return hundredths / 100 + (fraction < 10 ? ".0" : ".") + fraction;
  }

  /** Paths are client text: quote them when they hold spaces, quotes or control characters. */
  static String quoted(String path) {
    if (path.chars().noneMatch(c -> c <= ' ' || c == '"' || c == '\\' || c == 0x7f)) {
      return path;
    }
    StringBuilder out = new StringBuilder("\"");
    for (char c : path.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < ' ' || c == 0x7f) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  /** Writes what is queued and stops the writer. */
  @Override
  public void close() {
    open = false;
    try {
      writer.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
