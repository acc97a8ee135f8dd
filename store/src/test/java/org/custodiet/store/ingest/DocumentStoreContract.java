package org.custodiet.store.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.custodiet.core.extract.CandidateClaim;
import org.custodiet.core.model.Financing;
import org.custodiet.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The document and review-queue repositories, run against each database the store supports: see the
 * H2 and PostgreSQL subclasses, which only say how to make a fresh, empty database.
 */
abstract class DocumentStoreContract {
  @TempDir Path tmp;

  private final List<Database> opened = new ArrayList<>();

  protected abstract Database createDatabase() throws Exception;

  Database fresh() throws Exception {
    Database db = createDatabase();
    opened.add(db);
    return db;
  }

  @AfterEach
  void closeAll() {
    opened.forEach(Database::close);
  }

  static final String TEXT =
      "The regional council of Lakeside signed a contract with Examplecorp for street cameras."
          + " Officials said the system would cover the old harbour district.";

  static NewDocument document(String url, String sha, String body, int[] minhash, long[] buckets) {
    return new NewDocument(
        url,
        sha,
        "Council signs camera contract",
        "2025-03-14",
        url == null ? null : java.net.URI.create(url).getHost(),
        "jsonl",
        "corpus.jsonl line 1",
        body,
        minhash,
        buckets);
  }

  static String sha(char c) {
    return String.valueOf(c).repeat(64);
  }

  static int[] signature(int seed) {
    int[] s = new int[20];
    for (int i = 0; i < s.length; i++) {
      s[i] = seed * 1000 + i;
    }
    return s;
  }

  static CandidateClaim claim(int start, int end, double confidence) {
    return new CandidateClaim(
        "examplecorp",
        "XLK",
        "smart_city",
        "Lakeside",
        new CandidateClaim.FinancingMention(
            "example-bank", Financing.Instrument.LOAN, new BigDecimal("12500000")),
        confidence,
        start,
        end,
        "test-extractor",
        "1.0");
  }

  @Test
  void migrationCreatesTheIngestTablesEmpty() throws Exception {
    DocumentRepository docs = new DocumentRepository(fresh(), 0.5);
    assertThat(docs.counts()).isEqualTo(new DocumentRepository.Counts(0, 0, 0));
  }

  @Test
  void storesADocumentWithItsCandidatesAndReadsTheEvidenceSpanBack() throws Exception {
    Database db = fresh();
    DocumentRepository docs = new DocumentRepository(db, 0.5);
    int sentenceEnd = TEXT.indexOf('.') + 1;
    StoreOutcome outcome =
        docs.store(
            document(
                "https://example-news.test/a", sha('a'), TEXT, signature(1), new long[] {1, 2}),
            List.of(claim(0, sentenceEnd, 0.9), claim(sentenceEnd + 1, TEXT.length(), 0.4)));
    assertThat(outcome).isInstanceOf(StoreOutcome.Stored.class);
    StoreOutcome.Stored stored = (StoreOutcome.Stored) outcome;
    assertThat(stored.nearDuplicateOf()).isNull();
    assertThat(stored.candidates()).isEqualTo(2);

    StoredDocument back = docs.find(stored.documentId()).orElseThrow();
    assertThat(back.body()).isEqualTo(TEXT);
    assertThat(back.canonicalUrl()).isEqualTo("https://example-news.test/a");
    assertThat(back.publisherGroup()).isEqualTo("example-news.test");
    assertThat(back.groupId()).isEqualTo(stored.groupId());

    CandidateRepository queue = new CandidateRepository(db);
    List<CandidateView> all = queue.list("pending", 0, 10);
    assertThat(all).hasSize(2);
    assertThat(all.get(0).claim()).isEqualTo(claim(0, sentenceEnd, 0.9));
    assertThat(all.get(0).evidence()).isEqualTo(TEXT.substring(0, sentenceEnd));
    assertThat(all.get(0).documentUrl()).isEqualTo("https://example-news.test/a");
    assertThat(all.get(1).evidence()).startsWith("Officials said");
    assertThat(queue.list("pending", 0.5, 10))
        .extracting(CandidateView::id)
        .containsExactly(all.get(0).id());
    assertThat(queue.list("accepted", 0, 10)).isEmpty();
    assertThatThrownBy(() -> queue.list("maybe", 0, 10)).hasMessageContaining("'maybe'");
  }

  @Test
  void aSecondCopyUnderTheSameUrlOrWithTheSameTextIsADuplicate() throws Exception {
    DocumentRepository docs = new DocumentRepository(fresh(), 0.5);
    long first =
        ((StoreOutcome.Stored)
                docs.store(
                    document(
                        "https://example-news.test/a",
                        sha('a'),
                        TEXT,
                        signature(1),
                        new long[] {1}),
                    List.of()))
            .documentId();
    assertThat(
            docs.store(
                document(
                    "https://example-news.test/a",
                    sha('b'),
                    TEXT + " More.",
                    signature(2),
                    new long[] {2}),
                List.of()))
        .isEqualTo(new StoreOutcome.Duplicate(StoreOutcome.Kind.SAME_URL, first));
    assertThat(
            docs.store(
                document("https://mirror.test/x", sha('a'), TEXT, signature(1), new long[] {1}),
                List.of()))
        .isEqualTo(new StoreOutcome.Duplicate(StoreOutcome.Kind.SAME_TEXT, first));
    assertThat(docs.counts().documents()).isEqualTo(1);
  }

  @Test
  void aDocumentJoinsTheGroupOfASimilarDocumentSharingABucketAndOnlyThen() throws Exception {
    DocumentRepository docs = new DocumentRepository(fresh(), 0.5);
    var original =
        (StoreOutcome.Stored)
            docs.store(
                document("https://wire.test/1", sha('a'), TEXT, signature(1), new long[] {10, 11}),
                List.of());
    int[] mostlySame = signature(1);
    for (int i = 0; i < 6; i++) {
      mostlySame[i] = -i - 1;
    }
    var copy =
        (StoreOutcome.Stored)
            docs.store(
                document(
                    "https://paper.test/2", sha('b'), TEXT + " x", mostlySame, new long[] {11, 12}),
                List.of());
    assertThat(copy.groupId()).isEqualTo(original.groupId());
    assertThat(copy.nearDuplicateOf()).isEqualTo(original.documentId());
    assertThat(docs.find(copy.documentId()).orElseThrow().publisherGroup()).isEqualTo("wire.test");

    int[] different = signature(1);
    Arrays.fill(different, 0, 12, 7);
    var other =
        (StoreOutcome.Stored)
            docs.store(
                document("https://paper.test/3", sha('c'), TEXT + " y", different, new long[] {10}),
                List.of());
    assertThat(other.groupId())
        .as("shares a bucket, but only 40% similar")
        .isNotEqualTo(original.groupId());

    var unbucketed =
        (StoreOutcome.Stored)
            docs.store(
                document(
                    "https://paper.test/4", sha('d'), TEXT + " z", signature(1), new long[] {99}),
                List.of());
    assertThat(unbucketed.groupId())
        .as("identical signature but no shared bucket")
        .isNotEqualTo(original.groupId());
    assertThat(docs.counts().groups()).isEqualTo(3);
  }

  @Test
  void aSpanOutsideTheTextIsRefusedAndNothingIsWritten() throws Exception {
    DocumentRepository docs = new DocumentRepository(fresh(), 0.5);
    assertThatThrownBy(
            () ->
                docs.store(
                    document(null, sha('a'), TEXT, signature(1), new long[] {1}),
                    List.of(claim(0, TEXT.length() + 1, 0.5))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("test-extractor 1.0")
        .hasMessageContaining("outside the " + TEXT.length() + "-character text");
    assertThat(docs.counts()).isEqualTo(new DocumentRepository.Counts(0, 0, 0));
  }

  @Test
  void aCandidateTheDatabaseRefusesRollsBackItsWholeDocument() throws Exception {
    DocumentRepository docs = new DocumentRepository(fresh(), 0.5);
    CandidateClaim tooLongCountry =
        new CandidateClaim(
            "examplecorp",
            "LAKESIDE",
            "smart_city",
            null,
            null,
            0.5,
            0,
            5,
            "test-extractor",
            "1.0");
    assertThatThrownBy(
            () ->
                docs.store(
                    document(null, sha('a'), TEXT, signature(1), new long[] {1}),
                    List.of(claim(0, 5, 0.5), tooLongCountry)))
        .isInstanceOf(RuntimeException.class);
    assertThat(docs.counts()).isEqualTo(new DocumentRepository.Counts(0, 0, 0));
    assertThat(docs.store(document(null, sha('a'), TEXT, signature(1), new long[] {1}), List.of()))
        .isInstanceOf(StoreOutcome.Stored.class);
  }
}
