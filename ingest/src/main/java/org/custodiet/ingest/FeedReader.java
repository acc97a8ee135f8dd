package org.custodiet.ingest;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RSS and Atom feeds (Rome): one document per entry, its text from the entry's content or else its
 * summary. A feed is parsed whole, so its size is capped; document type declarations are refused
 * (no external entities).
 */
final class FeedReader {
  private static final Pattern XML_ENCODING =
      Pattern.compile("^\\s*<\\?xml[^>]*encoding\\s*=\\s*[\"']([A-Za-z0-9._-]+)[\"']");

  private final Limits limits;

  FeedReader(Limits limits) {
    this.limits = limits;
  }

  void read(Path file, long size, DocumentSink sink) throws IOException {
    String name = file.toString();
    if (size > limits.maxFeedBytes()) {
      sink.failure(
          new ReadFailure(
              name,
              "the feed is "
                  + Limits.megabytes(size)
                  + ", over the limit of "
                  + Limits.megabytes(limits.maxFeedBytes())
                  + " for one feed"));
      return;
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = Bytes.readAtMost(in, limits.maxFeedBytes());
    }
    if (bytes == null) {
      sink.failure(new ReadFailure(name, "the feed grew past the limit while it was read"));
      return;
    }
    SyndFeed feed;
    try {
      String xml = Decoding.decode(bytes, declaredEncoding(bytes));
      SyndFeedInput input = new SyndFeedInput();
      input.setAllowDoctypes(false);
      feed = input.build(new StringReader(xml));
    } catch (UnreadableException e) {
      sink.failure(new ReadFailure(name, e.getMessage()));
      return;
    } catch (FeedException | IllegalArgumentException e) {
      sink.failure(new ReadFailure(name, "not a readable RSS or Atom feed: " + e.getMessage()));
      return;
    }
    List<SyndEntry> entries = feed.getEntries();
    if (entries.isEmpty()) {
      sink.failure(new ReadFailure(name, "the feed has no entries"));
      return;
    }
    long share = Math.max(1, bytes.length / entries.size());
    for (int i = 0; i < entries.size(); i++) {
      SyndEntry entry = entries.get(i);
      String origin = name + " entry " + (i + 1);
      String text = text(entry);
      if (text.isBlank()) {
        sink.failure(new ReadFailure(origin, "the entry has no content or summary text"));
        continue;
      }
      sink.document(
          new RawDocument(
              origin,
              SourceFormat.FEED,
              entry.getLink(),
              entry.getTitle(),
              day(
                  entry.getPublishedDate() != null
                      ? entry.getPublishedDate()
                      : entry.getUpdatedDate()),
              text,
              share));
    }
  }

  private static java.nio.charset.Charset declaredEncoding(byte[] bytes) {
    String head = new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.ISO_8859_1);
    Matcher m = XML_ENCODING.matcher(head);
    return m.find() ? Decoding.charsetOrUtf8(m.group(1)) : StandardCharsets.UTF_8;
  }

  private static String text(SyndEntry entry) {
    StringBuilder b = new StringBuilder();
    for (SyndContent content : entry.getContents()) {
      b.append(plain(content)).append("\n\n");
    }
    if (b.toString().isBlank() && entry.getDescription() != null) {
      b.append(plain(entry.getDescription()));
    }
    return b.toString();
  }

  private static String plain(SyndContent content) {
    String value = content.getValue() == null ? "" : content.getValue();
    String type = content.getType() == null ? "" : content.getType().toLowerCase(Locale.ROOT);
    boolean markup = type.contains("html") || value.indexOf('<') >= 0;
    return markup ? HtmlContent.fragmentText(value) : value;
  }

  private static String day(Date date) {
    return date == null ? null : date.toInstant().atZone(ZoneOffset.UTC).toLocalDate().toString();
  }
}
