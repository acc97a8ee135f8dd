package org.custodiet.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.custodiet.core.model.PublicationDate;

/**
 * JSON Lines: one object per line with {@code text} (required) and {@code url}, {@code title},
 * {@code published} (optional; YYYY, YYYY-MM, YYYY-MM-DD or an ISO date-time). Streamed line by
 * line; a line longer than the document limit is skipped without being held in memory.
 */
final class JsonLinesReader {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final int BUFFER = 1 << 16;

  private final Limits limits;

  JsonLinesReader(Limits limits) {
    this.limits = limits;
  }

  void read(Path file, DocumentSink sink) throws IOException {
    Lines lines = new Lines(file.toString(), (int) limits.maxDocumentBytes(), sink);
    byte[] buffer = new byte[BUFFER];
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(buffer)) != -1) {
        int from = 0;
        while (from < n) {
          int newline = indexOf(buffer, from, n, (byte) '\n');
          lines.append(buffer, from, newline == -1 ? n : newline);
          if (newline == -1) {
            break;
          }
          lines.end();
          from = newline + 1;
        }
      }
    }
    lines.endOfFile();
  }

  private static int indexOf(byte[] bytes, int from, int to, byte wanted) {
    for (int i = from; i < to; i++) {
      if (bytes[i] == wanted) {
        return i;
      }
    }
    return -1;
  }

  /** Assembles lines from chunks, holding at most the document limit of any one line. */
  private static final class Lines {
    private final String name;
    private final int max;
    private final DocumentSink sink;
    private byte[] line = new byte[BUFFER];
    private int length;
    private boolean oversize;
    private long number = 1;
    private long lineStart;
    private long offset;
    private int linesWithContent;

    Lines(String name, int max, DocumentSink sink) {
      this.name = name;
      this.max = max;
      this.sink = sink;
    }

    void append(byte[] bytes, int from, int to) {
      int chunk = to - from;
      offset += chunk;
      if (oversize) {
        return;
      }
      if (length + chunk > max) {
        oversize = true;
        return;
      }
      if (length + chunk > line.length) {
        line = Arrays.copyOf(line, Math.min(max, Math.max(line.length * 2, length + chunk)));
      }
      System.arraycopy(bytes, from, line, length, chunk);
      length += chunk;
    }

    /** The end of a line: its newline was seen. */
    void end() {
      finishLine();
      offset++;
      number++;
      lineStart = offset;
    }

    void endOfFile() {
      if (length > 0 || oversize) {
        finishLine();
      }
      if (linesWithContent == 0) {
        sink.failure(new ReadFailure(name, "the file holds only blank lines"));
      }
    }

    private void finishLine() {
      String origin = name + " line " + number;
      if (oversize) {
        linesWithContent++;
        sink.failure(
            new ReadFailure(
                origin,
                "the line is over the limit of "
                    + Limits.megabytes(max)
                    + " for one document; skipped"));
      } else if (lineHasContent(line, length)) {
        linesWithContent++;
        line(line, length, lineStart, origin, sink);
      }
      length = 0;
      oversize = false;
    }
  }

  private static boolean lineHasContent(byte[] line, int length) {
    for (int i = 0; i < length; i++) {
      byte b = line[i];
      if (b != ' ' && b != '\t' && b != '\r') {
        return true;
      }
    }
    return false;
  }

  private static void line(
      byte[] bytes, int length, long fileOffset, String origin, DocumentSink sink) {
    try {
      String json = Decoding.decode(bytes, 0, length, StandardCharsets.UTF_8, fileOffset);
      JsonNode node;
      try {
        node = MAPPER.readTree(json);
      } catch (JsonProcessingException e) {
        throw new UnreadableException("not JSON: " + e.getOriginalMessage());
      }
      if (node == null || !node.isObject()) {
        throw new UnreadableException("not a JSON object");
      }
      String text = string(node, "text");
      if (text == null || text.isBlank()) {
        throw new UnreadableException("field 'text' is missing or empty");
      }
      sink.document(
          new RawDocument(
              origin,
              SourceFormat.JSONL,
              string(node, "url"),
              string(node, "title"),
              published(string(node, "published")),
              text,
              length));
    } catch (UnreadableException e) {
      sink.failure(new ReadFailure(origin, e.getMessage()));
    }
  }

  private static String string(JsonNode node, String field) throws UnreadableException {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new UnreadableException("field '" + field + "' is not a string");
    }
    return value.textValue();
  }

  private static String published(String value) throws UnreadableException {
    if (value == null || value.isBlank()) {
      return null;
    }
    String day = HtmlContent.isoDay(value);
    if (day != null) {
      return day;
    }
    try {
      return PublicationDate.parse(value).toString();
    } catch (IllegalArgumentException e) {
      throw new UnreadableException("field 'published': " + e.getMessage());
    }
  }
}
