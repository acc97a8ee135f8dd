package org.custodiet.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

/**
 * Each kind of bad input gives a clear error for its document; the run goes on with the good file
 * after it and ends with counts.
 */
class BadInputTest extends PipelineHarness {

  private static void assertRunWentOn(Run run, long read, long ingested, long failed) {
    assertThat(run.report().read()).as("read, with failures %s", run.failures()).isEqualTo(read);
    assertThat(run.report().ingested()).as("ingested").isEqualTo(ingested);
    assertThat(run.report().failed()).as("failed").isEqualTo(failed);
    assertThat(run.report().duplicates()).as("duplicates").isZero();
    assertThat(run.failures()).hasSize((int) failed);
  }

  @Test
  void binaryGarbageIsNotText() throws Exception {
    byte[] garbage = new byte[20_000];
    new Random(7).nextBytes(garbage);
    Path bad = write("photo.html", garbage);
    Run run = ingest(bad, goodStory());
    assertRunWentOn(run, 2, 1, 1);
    assertThat(run.onlyFailure().origin()).isEqualTo(bad.toString());
    assertThat(run.onlyFailure().message()).startsWith("not text: ");
    assertThat(stored().candidates()).isEqualTo(1);
  }

  @Test
  void aTruncatedWarcKeepsTheRecordsBeforeTheBreakAndSaysWhere() throws Exception {
    Path warc = dir.resolve("crawl.warc");
    try (WarcWriter writer =
        new WarcWriter(
            FileChannel.open(warc, StandardOpenOption.CREATE, StandardOpenOption.WRITE))) {
      writer.write(response("https://news.example/kenya-cameras", Stories.CAMERAS));
      writer.write(response("https://news.example/ecuador-floods", Stories.FLOODS));
    }
    long size = Files.size(warc);
    try (RandomAccessFile file = new RandomAccessFile(warc.toFile(), "rw")) {
      file.setLength(size - 300);
    }
    Path other = write("other.txt", Stories.FLOODS.replace("Ecuador", "the valley"));
    Run run = ingest(warc, other);
    assertRunWentOn(run, 3, 2, 1);
    ReadFailure failure = run.onlyFailure();
    assertThat(failure.origin())
        .startsWith(warc + " record 2 at byte offset ")
        .contains("https://news.example/ecuador-floods");
    assertThat(failure.message()).startsWith("truncated");
    assertThat(pending())
        .singleElement()
        .satisfies(
            c -> assertThat(c.documentUrl()).isEqualTo("https://news.example/kenya-cameras"));
  }

  @Test
  void anInvalidEncodingNamesTheByteOffset() throws Exception {
    byte[] start = "Ministry statement.\nThe cameras ".getBytes(StandardCharsets.UTF_8);
    byte[] rest = " installed.\n".getBytes(StandardCharsets.UTF_8);
    ByteBuffer bytes = ByteBuffer.allocate(start.length + 2 + rest.length);
    bytes.put(start).put((byte) 0xC3).put((byte) 0x28).put(rest);
    Path bad = write("statement.txt", bytes.array());
    Run run = ingest(bad, goodStory());
    assertRunWentOn(run, 2, 1, 1);
    assertThat(run.onlyFailure().origin()).isEqualTo(bad.toString());
    assertThat(run.onlyFailure().message())
        .isEqualTo("invalid UTF-8 at byte offset " + start.length + " (bytes C3)");
  }

  @Test
  void aOneGigabyteFileIsRefusedWithoutBeingReadAndALongJsonLineIsSkipped() throws Exception {
    long gigabyte = 1L << 30;
    Path huge = dir.resolve("dump.txt");
    try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
      file.setLength(gigabyte);
    }
    Path lines = dir.resolve("corpus.jsonl");
    try (RandomAccessFile file = new RandomAccessFile(lines.toFile(), "rw")) {
      file.write(jsonLine("https://news.example/a", Stories.CAMERAS));
      file.write("{\"text\": \"".getBytes(StandardCharsets.UTF_8));
      file.seek(gigabyte);
      file.write("\"}\n".getBytes(StandardCharsets.UTF_8));
      file.write(jsonLine("https://news.example/b", Stories.FLOODS));
    }
    Run run = ingest(huge, lines);
    assertRunWentOn(run, 4, 2, 2);
    assertThat(run.failures().get(0))
        .isEqualTo(
            new ReadFailure(
                huge.toString(), "the file is 1.0 GB, over the limit of 4.0 MB for one document"));
    assertThat(run.failures().get(1))
        .isEqualTo(
            new ReadFailure(
                lines + " line 2",
                "the line is over the limit of 4.0 MB for one document; skipped"));
  }

  @Test
  void anHtmlFileWithAMillionNestedTagsIsRefused() throws Exception {
    StringBuilder html = new StringBuilder("<html><body>");
    html.append("<div>".repeat(1_000_000)).append("<p>").append(Stories.FLOODS).append("</p>");
    Path bad = write("nested.html", html.toString());
    Run run = ingest(new Limits(8L << 20, 32L << 20, 256), bad, goodStory());
    assertRunWentOn(run, 2, 1, 1);
    assertThat(run.onlyFailure().origin()).isEqualTo(bad.toString());
    assertThat(run.onlyFailure().message())
        .isEqualTo(
            "HTML nests elements more than 256 levels deep; refused as broken or hostile markup");
  }

  @Test
  void anEmptyFeedSaysItHasNoEntries() throws Exception {
    Path feed =
        write(
            "empty.rss",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>"
                + "<title>Coast news</title><link>https://coast.example/</link>"
                + "<description>Nothing yet</description></channel></rss>\n");
    Run run = ingest(feed, goodStory());
    assertRunWentOn(run, 2, 1, 1);
    assertThat(run.onlyFailure())
        .isEqualTo(new ReadFailure(feed.toString(), "the feed has no entries"));
  }

  static byte[] jsonLine(String url, String text) {
    String escaped = text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    return ("{\"url\": \"" + url + "\", \"text\": \"" + escaped + "\"}\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  static WarcResponse response(String url, String text) throws Exception {
    String html =
        "<html><head><title>News</title></head><body><nav>Home | World</nav><article><p>"
            + text
            + "</p></article><footer>All rights reserved</footer></body></html>";
    return new WarcResponse.Builder(URI.create(url))
        .body(
            new HttpResponse.Builder(200, "OK")
                .body(
                    MediaType.parse("text/html; charset=utf-8"),
                    html.getBytes(StandardCharsets.UTF_8))
                .build())
        .build();
  }
}
