package org.custodiet.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;

/**
 * WARC files, plain or gzipped (jwarc), streamed record by record: each successful HTTP response
 * holding HTML or plain text is one document. Other records (requests, metadata, images, redirects)
 * are passed over. A record that breaks off ends the file's reading, because nothing after it can
 * be located reliably.
 */
final class WarcFileReader {
  private final Limits limits;
  private final HtmlContent html;

  WarcFileReader(Limits limits, HtmlContent html) {
    this.limits = limits;
    this.html = html;
  }

  void read(Path file, DocumentSink sink) throws IOException {
    String name = file.toString();
    try (WarcReader reader = new WarcReader(file)) {
      int number = 0;
      while (true) {
        Optional<WarcRecord> next;
        try {
          next = reader.next();
        } catch (IOException | RuntimeException e) {
          sink.failure(new ReadFailure(name + " record " + (number + 1), broken(e)));
          return;
        }
        if (next.isEmpty()) {
          if (number == 0) {
            sink.failure(new ReadFailure(name, "the WARC file holds no records"));
          }
          return;
        }
        number++;
        if (!(next.get() instanceof WarcResponse response)) {
          continue;
        }
        String origin =
            name
                + " record "
                + number
                + " at byte offset "
                + reader.position()
                + " ("
                + response.target()
                + ")";
        try {
          readResponse(response, origin, sink);
        } catch (IOException | RuntimeException e) {
          sink.failure(new ReadFailure(origin, broken(e)));
          return;
        }
      }
    }
  }

  /** Reads one response record; a record cut off short throws {@link java.io.EOFException}. */
  private void readResponse(WarcResponse response, String origin, DocumentSink sink)
      throws IOException {
    HttpResponse http = response.http();
    MediaType type = http.contentType();
    String base = type.base().toString();
    boolean isHtml = base.equals("text/html") || base.equals("application/xhtml+xml");
    if (http.status() / 100 != 2 || !(isHtml || base.equals("text/plain"))) {
      return;
    }
    byte[] bytes;
    try (InputStream in = http.bodyDecoded().stream()) {
      bytes = Bytes.readAtMost(in, limits.maxDocumentBytes());
    }
    if (bytes == null) {
      sink.failure(
          new ReadFailure(
              origin,
              "the response body is over the limit of "
                  + Limits.megabytes(limits.maxDocumentBytes())
                  + " for one document"));
      return;
    }
    try {
      Charset declaredCharset = Decoding.charsetOrUtf8(type.parameters().get("charset"));
      if (isHtml) {
        Charset charset =
            type.parameters().containsKey("charset")
                ? declaredCharset
                : HtmlContent.declaredCharset(bytes, StandardCharsets.UTF_8);
        HtmlContent.Page page = html.read(Decoding.decode(bytes, charset), response.target());
        sink.document(
            new RawDocument(
                origin,
                SourceFormat.WARC,
                response.target(),
                page.title(),
                page.published(),
                page.text(),
                bytes.length));
      } else {
        String text = Decoding.decode(bytes, declaredCharset);
        sink.document(
            new RawDocument(
                origin, SourceFormat.WARC, response.target(), null, null, text, bytes.length));
      }
    } catch (UnreadableException e) {
      sink.failure(new ReadFailure(origin, e.getMessage()));
    }
  }

  private static String broken(Exception e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return "truncated or corrupt WARC record, reading of this file stops here: " + message;
  }
}
