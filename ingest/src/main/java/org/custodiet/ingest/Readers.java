package org.custodiet.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads any supported file: the format comes from the extension, else from the first bytes. Every
 * problem with the input becomes a {@link ReadFailure} for the document it concerns; reading then
 * goes on with the next document where the format allows it.
 */
public final class Readers {
  private static final int HEAD_BYTES = 8192;

  private final Limits limits;
  private final HtmlContent html;

  public Readers(Limits limits) {
    this.limits = limits;
    this.html = new HtmlContent(limits.maxHtmlDepth());
  }

  /** Streams the documents of one file, and the failures, into the sink. */
  public void read(Path file, DocumentSink sink) {
    String name = file.toString();
    try {
      if (!Files.isRegularFile(file)) {
        sink.failure(new ReadFailure(name, "no such file"));
        return;
      }
      long size = Files.size(file);
      if (size == 0) {
        sink.failure(new ReadFailure(name, "the file is empty"));
        return;
      }
      byte[] head;
      try (InputStream in = Files.newInputStream(file)) {
        head = in.readNBytes(HEAD_BYTES);
      }
      SourceFormat format = detect(file.getFileName().toString(), head);
      if ((format == SourceFormat.TEXT || format == SourceFormat.HTML)
          && size > limits.maxDocumentBytes()) {
        sink.failure(new ReadFailure(name, tooBig("the file", size, limits.maxDocumentBytes())));
        return;
      }
      if (format != SourceFormat.WARC && Decoding.looksBinary(head, sniffLength(format, head))) {
        sink.failure(
            new ReadFailure(
                name, "not text: the file starts with binary content (NUL or control bytes)"));
        return;
      }
      switch (format) {
        case TEXT, HTML -> readSingle(file, format, sink);
        case FEED -> new FeedReader(limits).read(file, size, sink);
        case WARC -> new WarcFileReader(limits, html).read(file, sink);
        case JSONL -> new JsonLinesReader(limits).read(file, sink);
      }
    } catch (IOException | RuntimeException e) {
      sink.failure(new ReadFailure(name, "cannot read the file: " + e));
    }
  }

  /**
   * How much of the head to look at for binary content: for JSON Lines only the first line, since a
   * later line may be broken without the file being binary.
   */
  private static int sniffLength(SourceFormat format, byte[] head) {
    if (format == SourceFormat.JSONL) {
      for (int i = 0; i < head.length; i++) {
        if (head[i] == '\n') {
          return i;
        }
      }
    }
    return head.length;
  }

  /** The format a file name and its first bytes show. */
  static SourceFormat detect(String fileName, byte[] head) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".warc") || lower.endsWith(".warc.gz")) {
      return SourceFormat.WARC;
    }
    if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) {
      return SourceFormat.JSONL;
    }
    if (lower.endsWith(".rss") || lower.endsWith(".atom")) {
      return SourceFormat.FEED;
    }
    if (lower.endsWith(".html") || lower.endsWith(".htm") || lower.endsWith(".xhtml")) {
      return SourceFormat.HTML;
    }
    if (lower.endsWith(".txt") || lower.endsWith(".text")) {
      return SourceFormat.TEXT;
    }
    String start =
        new String(head, 0, Math.min(head.length, 1024), StandardCharsets.ISO_8859_1)
            .stripLeading()
            .toLowerCase(Locale.ROOT);
    if (start.startsWith("warc/")) {
      return SourceFormat.WARC;
    }
    if (start.startsWith("<!doctype html") || start.startsWith("<html")) {
      return SourceFormat.HTML;
    }
    if (start.startsWith("<?xml") || start.startsWith("<rss") || start.startsWith("<feed")) {
      return start.contains("<rss") || start.contains("<feed") || start.contains("<rdf:rdf")
          ? SourceFormat.FEED
          : SourceFormat.TEXT;
    }
    if (start.startsWith("{")) {
      return SourceFormat.JSONL;
    }
    return SourceFormat.TEXT;
  }

  private void readSingle(Path file, SourceFormat format, DocumentSink sink) throws IOException {
    String name = file.toString();
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = Bytes.readAtMost(in, limits.maxDocumentBytes());
    }
    if (bytes == null) {
      sink.failure(new ReadFailure(name, "the file grew past the limit while it was read"));
      return;
    }
    try {
      if (format == SourceFormat.TEXT) {
        String text = Decoding.decode(bytes, StandardCharsets.UTF_8);
        sink.document(new RawDocument(name, format, null, null, null, text, bytes.length));
      } else {
        String markup =
            Decoding.decode(bytes, HtmlContent.declaredCharset(bytes, StandardCharsets.UTF_8));
        HtmlContent.Page page = html.read(markup, null);
        sink.document(
            new RawDocument(
                name,
                format,
                page.url(),
                page.title(),
                page.published(),
                page.text(),
                bytes.length));
      }
    } catch (UnreadableException e) {
      sink.failure(new ReadFailure(name, e.getMessage()));
    }
  }

  static String tooBig(String what, long size, long limit) {
    return what
        + " is "
        + Limits.megabytes(size)
        + ", over the limit of "
        + Limits.megabytes(limit)
        + " for one document";
  }
}
