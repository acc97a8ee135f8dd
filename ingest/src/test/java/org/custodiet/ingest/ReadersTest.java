package org.custodiet.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

/** Each reader on small files written here. */
class ReadersTest {
  @TempDir Path dir;

  private final List<RawDocument> documents = new ArrayList<>();
  private final List<ReadFailure> failures = new ArrayList<>();

  private void read(Path file) {
    new Readers(Limits.DEFAULT)
        .read(
            file,
            new DocumentSink() {
              @Override
              public void document(RawDocument document) {
                documents.add(document);
              }

              @Override
              public void failure(ReadFailure failure) {
                failures.add(failure);
              }
            });
  }

  private Path write(String name, String content) throws Exception {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  private static String normalised(RawDocument d) {
    return TextNormaliser.normalise(d.text());
  }

  @Test
  void plainTextIsReadAsItIs() throws Exception {
    Path file = write("note.txt", "\uFEFFFirst line.\r\nSecond\tline.\n");
    read(file);
    assertThat(failures).isEmpty();
    assertThat(documents)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.format()).isEqualTo(SourceFormat.TEXT);
              assertThat(d.origin()).isEqualTo(file.toString());
              assertThat(d.url()).isNull();
              assertThat(normalised(d)).isEqualTo("First line.\nSecond line.");
            });
  }

  @Test
  void htmlKeepsTheArticleAndDropsNavigationAdsAndScripts() throws Exception {
    write(
        "page.html",
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Cameras for the coast</title>"
            + "<link rel=\"canonical\" href=\"https://www.news.example/coast?utm_source=x\">"
            + "<meta property=\"article:published_time\" content=\"2025-06-02T08:15:00Z\">"
            + "<script>var tracker = 'Examplecorp';</script></head><body>"
            + "<header><a href=\"/\">Front page</a></header>"
            + "<nav><ul><li>World</li><li>Sport</li></ul></nav>"
            + "<div class=\"ad-slot\">Buy a phone from Northwind Vision today</div>"
            + "<article><h1>Cameras for the coast</h1><p>The ministry signed the contract.</p>"
            + "<div class=\"share-buttons\">Share this story</div>"
            + "<p>Work starts <b>next</b> month.</p></article>"
            + "<aside>Most read: a cat rescued</aside><footer>Copyright</footer>"
            + "<form>Subscribe</form></body></html>");
    read(dir.resolve("page.html"));
    assertThat(failures).isEmpty();
    RawDocument d = documents.get(0);
    assertThat(d.title()).isEqualTo("Cameras for the coast");
    assertThat(d.url()).isEqualTo("https://www.news.example/coast?utm_source=x");
    assertThat(d.published()).isEqualTo("2025-06-02");
    assertThat(normalised(d))
        .isEqualTo(
            "Cameras for the coast\n\nThe ministry signed the contract.\n\nWork starts next month.");
  }

  @Test
  void htmlWithoutArticleTakesTheBlockWithMostParagraphText() throws Exception {
    write(
        "plain.htm",
        "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">"
            + "</head><body><div id=\"menu\"><p>Home</p><p>Contact</p></div>"
            + "<div class=\"content\"><p>Le minist\u00e8re a sign\u00e9 le contrat.</p>"
            + "<p>Les travaux commencent en juin.</p></div><div><p>Short teaser</p></div>"
            + "</body></html>");
    Files.write(
        dir.resolve("plain.htm"),
        Files.readString(dir.resolve("plain.htm"))
            .getBytes(java.nio.charset.Charset.forName("windows-1252")));
    read(dir.resolve("plain.htm"));
    assertThat(failures).isEmpty();
    assertThat(normalised(documents.get(0)))
        .isEqualTo("Le minist\u00e8re a sign\u00e9 le contrat.\n\nLes travaux commencent en juin.");
  }

  @Test
  void rssItemsAreDocumentsWithTheirLinksAndDates() throws Exception {
    Path feed =
        write(
            "coast.xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>"
                + "<title>Coast news</title><link>https://coast.example/</link><description>d</description>"
                + "<item><title>Cameras</title><link>https://coast.example/cameras</link>"
                + "<pubDate>Tue, 03 Jun 2025 09:00:00 GMT</pubDate>"
                + "<description>&lt;p&gt;The ministry &lt;b&gt;signed&lt;/b&gt; a deal.&lt;/p&gt;"
                + "</description></item>"
                + "<item><title>Empty</title><link>https://coast.example/empty</link></item>"
                + "<item><title>Floods</title><link>https://coast.example/floods</link>"
                + "<description>Rain closed two roads.</description></item>"
                + "</channel></rss>");
    read(feed);
    assertThat(documents).hasSize(2);
    assertThat(documents.get(0).origin()).isEqualTo(feed + " entry 1");
    assertThat(documents.get(0).url()).isEqualTo("https://coast.example/cameras");
    assertThat(documents.get(0).title()).isEqualTo("Cameras");
    assertThat(documents.get(0).published()).isEqualTo("2025-06-03");
    assertThat(normalised(documents.get(0))).isEqualTo("The ministry signed a deal.");
    assertThat(normalised(documents.get(1))).isEqualTo("Rain closed two roads.");
    assertThat(failures)
        .containsExactly(
            new ReadFailure(feed + " entry 2", "the entry has no content or summary text"));
  }

  @Test
  void atomEntriesPreferTheirContent() throws Exception {
    Path feed =
        write(
            "coast.atom",
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                + "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Coast</title>"
                + "<id>urn:coast</id><updated>2025-06-04T00:00:00Z</updated>"
                + "<entry><title>Cameras</title><id>urn:1</id>"
                + "<link href=\"https://coast.example/a/1\"/>"
                + "<updated>2025-06-04T10:00:00Z</updated><published>2025-06-01T10:00:00Z</published>"
                + "<summary>Short version.</summary>"
                + "<content type=\"html\">&lt;p&gt;Full text of the story.&lt;/p&gt;</content>"
                + "</entry></feed>");
    read(feed);
    assertThat(failures).isEmpty();
    assertThat(documents)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.url()).isEqualTo("https://coast.example/a/1");
              assertThat(d.published()).isEqualTo("2025-06-01");
              assertThat(normalised(d)).isEqualTo("Full text of the story.");
            });
  }

  @Test
  void aFeedWithADoctypeIsRefused() throws Exception {
    Path feed =
        write(
            "entities.rss",
            "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<rss version=\"2.0\"><channel><title>t</title><item><description>&x;"
                + "</description></item></channel></rss>");
    read(feed);
    assertThat(documents).isEmpty();
    assertThat(failures)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.origin()).isEqualTo(feed.toString());
              assertThat(f.message()).startsWith("not a readable RSS or Atom feed: ");
            });
  }

  @Test
  void warcResponsesHoldingHtmlAreDocumentsAndOtherRecordsArePassedOver() throws Exception {
    Path warc = dir.resolve("crawl.warc.gz");
    try (WarcWriter writer =
        new WarcWriter(
            FileChannel.open(warc, StandardOpenOption.CREATE, StandardOpenOption.WRITE),
            WarcCompression.GZIP)) {
      writer.write(new WarcRequest.Builder(URI.create("https://news.example/a")).build());
      writer.write(BadInputTest.response("https://news.example/a", "Cameras for the coast."));
      writer.write(
          new WarcResponse.Builder(URI.create("https://news.example/logo.png"))
              .body(
                  new HttpResponse.Builder(200, "OK")
                      .body(MediaType.parse("image/png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'})
                      .build())
              .build());
      writer.write(
          new WarcResponse.Builder(URI.create("https://news.example/gone"))
              .body(
                  new HttpResponse.Builder(404, "Not Found")
                      .body(
                          MediaType.parse("text/html"),
                          "<p>Not here</p>".getBytes(StandardCharsets.UTF_8))
                      .build())
              .build());
    }
    read(warc);
    assertThat(failures).isEmpty();
    assertThat(documents)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.format()).isEqualTo(SourceFormat.WARC);
              assertThat(d.url()).isEqualTo("https://news.example/a");
              assertThat(d.origin()).startsWith(warc + " record 2 at byte offset ");
              assertThat(normalised(d)).isEqualTo("Cameras for the coast.");
            });
  }

  @Test
  void jsonLinesGiveADocumentPerLineAndAClearErrorPerBadLine() throws Exception {
    Path file =
        write(
            "corpus.jsonl",
            "{\"url\": \"https://news.example/1\", \"title\": \"One\", \"published\": \"2024-05\","
                + " \"text\": \"First story.\", \"extra\": 1}\n"
                + "\n"
                + "{\"url\": \"https://news.example/2\", \"text\": \"Second story.\","
                + " \"published\": \"2024-05-06T10:00:00+02:00\"}\n"
                + "not json at all\n"
                + "[1, 2]\n"
                + "{\"url\": \"https://news.example/5\"}\n"
                + "{\"text\": 42}\n"
                + "{\"text\": \"Bad date.\", \"published\": \"last spring\"}\n"
                + "{\"text\": \"Last line without a newline.\"}");
    read(file);
    assertThat(documents)
        .extracting(RawDocument::origin)
        .containsExactly(file + " line 1", file + " line 3", file + " line 9");
    assertThat(documents.get(0).published()).isEqualTo("2024-05");
    assertThat(documents.get(0).title()).isEqualTo("One");
    assertThat(documents.get(1).published()).isEqualTo("2024-05-06");
    assertThat(failures)
        .extracting(ReadFailure::toString)
        .satisfiesExactly(
            f -> assertThat(f).startsWith(file + " line 4: not JSON: "),
            f -> assertThat(f).isEqualTo(file + " line 5: not a JSON object"),
            f -> assertThat(f).isEqualTo(file + " line 6: field 'text' is missing or empty"),
            f -> assertThat(f).isEqualTo(file + " line 7: field 'text' is not a string"),
            f -> assertThat(f).startsWith(file + " line 8: field 'published': 'last spring'"));
  }

  @Test
  void formatsAreDetectedFromTheContentWhenTheNameDoesNotTell() {
    assertThat(Readers.detect("a.dat", "WARC/1.1\r\n".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(SourceFormat.WARC);
    assertThat(Readers.detect("a", "  <!doctype html><p>".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(SourceFormat.HTML);
    assertThat(
            Readers.detect("a.xml", "<?xml version='1.0'?><rss>".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(SourceFormat.FEED);
    assertThat(Readers.detect("a.json", "{\"text\":\"x\"}".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(SourceFormat.JSONL);
    assertThat(Readers.detect("README", "Plain words".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(SourceFormat.TEXT);
  }

  @Test
  void aWarcPayloadOverTheLimitIsSkippedAndTheNextRecordRead() throws Exception {
    Path warc = dir.resolve("big.warc");
    try (WarcWriter writer =
        new WarcWriter(
            FileChannel.open(warc, StandardOpenOption.CREATE, StandardOpenOption.WRITE))) {
      writer.write(BadInputTest.response("https://news.example/huge", "word ".repeat(300_000)));
      writer.write(BadInputTest.response("https://news.example/small", "A short report."));
    }
    new Readers(new Limits(1 << 20, 1 << 20, 256))
        .read(
            warc,
            new DocumentSink() {
              @Override
              public void document(RawDocument document) {
                documents.add(document);
              }

              @Override
              public void failure(ReadFailure failure) {
                failures.add(failure);
              }
            });
    assertThat(failures)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.origin())
                  .startsWith(warc + " record 1 at byte offset 0 (https://news.example/huge)");
              assertThat(f.message())
                  .isEqualTo("the response body is over the limit of 1.0 MB for one document");
            });
    assertThat(documents)
        .extracting(RawDocument::url)
        .containsExactly("https://news.example/small");
  }

  @Test
  void emptyAndBlankFilesSaySo() throws Exception {
    Path empty = write("empty.txt", "");
    Path blank = write("blank.jsonl", "\n  \n\n");
    read(empty);
    read(blank);
    assertThat(documents).isEmpty();
    assertThat(failures)
        .containsExactly(
            new ReadFailure(empty.toString(), "the file is empty"),
            new ReadFailure(blank.toString(), "the file holds only blank lines"));
  }
}
