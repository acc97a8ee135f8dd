package org.custodiet.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.custodiet.core.extract.CandidateClaim;
import org.custodiet.core.extract.Extractor;
import org.custodiet.store.ingest.CandidateView;
import org.custodiet.store.ingest.DocumentRepository;
import org.custodiet.store.ingest.StoredDocument;
import org.junit.jupiter.api.Test;

class IngestPipelineTest extends PipelineHarness {

  private Path jsonl(String name, String... urlAndText) throws Exception {
    ByteArrayBuilder b = new ByteArrayBuilder();
    for (int i = 0; i < urlAndText.length; i += 2) {
      b.add(BadInputTest.jsonLine(urlAndText[i], urlAndText[i + 1]));
    }
    return write(name, b.bytes());
  }

  private static final class ByteArrayBuilder {
    private final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();

    void add(byte[] bytes) {
      out.writeBytes(bytes);
    }

    byte[] bytes() {
      return out.toByteArray();
    }
  }

  private StoredDocument document(long id) {
    return new DocumentRepository(db, IngestPipeline.DEFAULT_MIN_SIMILARITY).find(id).orElseThrow();
  }

  @Test
  void reRunningIngestsNothingTwice() throws Exception {
    Path corpus = Files.createDirectories(dir.resolve("corpus"));
    Files.writeString(corpus.resolve("a.txt"), Stories.CAMERAS);
    Files.writeString(corpus.resolve(".hidden.txt"), "Never read.");
    Files.write(
        corpus.resolve("b.jsonl"),
        BadInputTest.jsonLine("https://wire.example/floods", Stories.FLOODS));
    Files.writeString(
        corpus.resolve("c.html"),
        "<html><head><link rel=canonical href=\"https://www.paper.example/x?utm_medium=rss\">"
            + "</head><body><article><p>Examplecorp will also supply Kenya with number-plate"
            + " readers, the company said.</p></article></body></html>");

    Run first = ingest(corpus);
    assertThat(first.failures()).isEmpty();
    assertThat(first.report())
        .isEqualTo(new IngestReport(3, 3, 0, 0, 0, 3, first.report().bytes()));
    DocumentRepository.Counts afterFirst = stored();
    assertThat(afterFirst.documents()).isEqualTo(3);
    assertThat(afterFirst.candidates()).isEqualTo(3);

    Run second = ingest(corpus);
    assertThat(second.report())
        .isEqualTo(new IngestReport(3, 0, 3, 0, 0, 0, first.report().bytes()));
    assertThat(stored()).isEqualTo(afterFirst);

    Path sameUrlOtherText =
        jsonl("moved.jsonl", "http://paper.example/x", "A corrected version of the story.");
    Path sameTextOtherUrl = jsonl("mirror.jsonl", "https://mirror.example/1", Stories.CAMERAS);
    Run third = ingest(sameUrlOtherText, sameTextOtherUrl);
    assertThat(third.report().duplicates()).isEqualTo(2);
    assertThat(stored()).isEqualTo(afterFirst);
  }

  @Test
  void aSyndicatedCopyJoinsTheOriginalsGroupAndADifferentStoryDoesNot() throws Exception {
    Path file =
        jsonl(
            "wire.jsonl",
            "https://wire.example/kenya-cameras",
            Stories.CAMERAS,
            "https://wire.example/ecuador-floods",
            Stories.FLOODS,
            "https://daily-paper.example/2025/coast-cameras",
            Stories.CAMERAS_SYNDICATED);
    Run run = ingest(file);
    assertThat(run.failures()).isEmpty();
    assertThat(run.report().ingested()).isEqualTo(3);
    assertThat(run.report().nearDuplicates()).isEqualTo(1);
    assertThat(stored().groups()).isEqualTo(2);

    StoredDocument original = document(1);
    StoredDocument floods = document(2);
    StoredDocument copy = document(3);
    assertThat(copy.canonicalUrl()).isEqualTo("https://daily-paper.example/2025/coast-cameras");
    assertThat(copy.publisher()).isEqualTo("daily-paper.example");
    assertThat(copy.groupId()).isEqualTo(original.groupId());
    assertThat(copy.publisherGroup()).isEqualTo("wire.example");
    assertThat(floods.groupId()).isNotEqualTo(original.groupId());
  }

  @Test
  void minHashEstimatesSimilarityOfCopiesHighAndOfDifferentStoriesLow() {
    int[] original = MinHash.signature(Stories.CAMERAS);
    double copy = similarity(original, MinHash.signature(Stories.CAMERAS_SYNDICATED));
    double other = similarity(original, MinHash.signature(Stories.FLOODS));
    assertThat(copy).isGreaterThan(IngestPipeline.DEFAULT_MIN_SIMILARITY);
    assertThat(other).isLessThan(0.1);
    assertThat(MinHash.signature(Stories.CAMERAS.toUpperCase(java.util.Locale.ROOT)))
        .as("case does not matter")
        .isEqualTo(original);
  }

  private static double similarity(int[] a, int[] b) {
    int same = 0;
    for (int i = 0; i < a.length; i++) {
      same += a[i] == b[i] ? 1 : 0;
    }
    return same / (double) a.length;
  }

  @Test
  void candidatesArePendingAndTheirSpansIndexTheStoredText() throws Exception {
    Path file =
        write(
            "messy.txt",
            "  Headline\r\n\r\n\r\nNorthwind Vision\u00a0will equip\tEcuador's police.\u200b Other"
                + " news.\r\n");
    Run run = ingest(file);
    assertThat(run.report().candidates()).isEqualTo(1);
    List<CandidateView> queue = pending();
    assertThat(queue)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.status()).isEqualTo("pending");
              assertThat(c.claim().extractor()).isEqualTo("names-test");
              assertThat(c.claim().extractorVersion()).isEqualTo("1");
              assertThat(c.claim().supplierCompanyId()).isEqualTo("northwind-vision");
              assertThat(c.claim().countryIso3()).isEqualTo("ECU");
              assertThat(c.evidence()).isEqualTo("Northwind Vision will equip Ecuador's police.");
              assertThat(c.documentOrigin()).isEqualTo(file.toString());
              StoredDocument doc = document(c.documentId());
              assertThat(doc.body())
                  .isEqualTo(
                      "Headline\n\nNorthwind Vision will equip Ecuador's police. Other news.");
              assertThat(doc.body().substring(c.claim().spanStart(), c.claim().spanEnd()))
                  .isEqualTo(c.evidence());
            });
  }

  @Test
  void aFailingExtractorOrABadUrlFailsOnlyItsDocument() throws Exception {
    Extractor fragile =
        new Extractor() {
          @Override
          public String name() {
            return "fragile";
          }

          @Override
          public String version() {
            return "0.1";
          }

          @Override
          public List<CandidateClaim> extract(String text) {
            if (text.contains("Ecuador")) {
              throw new IllegalStateException("cannot handle Ecuador");
            }
            return new NamesExtractor().extract(text);
          }
        };
    Path file =
        jsonl(
            "mixed.jsonl",
            "ftp://files.example/story",
            "A story behind a file server link.",
            "https://wire.example/floods",
            Stories.FLOODS,
            "https://wire.example/cameras",
            Stories.CAMERAS);
    List<ReadFailure> failures = new ArrayList<>();
    IngestReport report =
        new IngestPipeline(db, fragile).run(List.of(file), failures::add, Progress.NONE);
    assertThat(report).isEqualTo(new IngestReport(3, 1, 0, 0, 2, 1, report.bytes()));
    assertThat(failures)
        .extracting(ReadFailure::toString)
        .containsExactly(
            file + " line 1: url: 'ftp://files.example/story' is not an http(s) URL",
            file
                + " line 2: extractor fragile 0.1 failed: java.lang.IllegalStateException: cannot"
                + " handle Ecuador");
    assertThat(stored().documents()).isEqualTo(1);
  }

  @Test
  void progressIsReportedUpToTheTotalSize() throws Exception {
    Path a = write("a.txt", Stories.CAMERAS);
    Path b = write("b.txt", Stories.FLOODS);
    long total = Files.size(a) + Files.size(b);
    List<long[]> updates = new ArrayList<>();
    new IngestPipeline(db, new NamesExtractor())
        .run(
            List.of(a, b),
            f -> {},
            (done, all, report) -> updates.add(new long[] {done, all, report.read()}));
    assertThat(updates).isNotEmpty();
    assertThat(updates).allSatisfy(u -> assertThat(u[1]).isEqualTo(total));
    assertThat(updates.get(updates.size() - 1)).containsExactly(total, total, 2);
    for (int i = 1; i < updates.size(); i++) {
      assertThat(updates.get(i)[0]).isGreaterThanOrEqualTo(updates.get(i - 1)[0]);
    }
  }
}
