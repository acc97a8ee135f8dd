package org.custodiet.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DocumentPreparationTest {
  private static RawDocument raw(String url, String title, String text) {
    return new RawDocument("feed.jsonl line 3", SourceFormat.JSONL, url, title, null, text, 100);
  }

  @Test
  void preparesTextAddressPublisherAndHash() {
    DocumentPreparation.Outcome outcome =
        DocumentPreparation.prepare(
            raw(
                "HTTPS://News.Example.org/story?utm_source=x",
                "A ministry signs",
                "  The ministry   signed a contract. "));

    assertThat(outcome).isInstanceOf(DocumentPreparation.Prepared.class);
    DocumentPreparation.Prepared p = (DocumentPreparation.Prepared) outcome;
    assertThat(p.body())
        .isEqualTo(TextNormaliser.normalise("  The ministry   signed a contract. "));
    assertThat(p.canonicalUrl()).startsWith("https://news.example.org/story");
    assertThat(p.publisher()).isEqualTo("news.example.org");
    assertThat(p.contentSha256())
        .hasSize(64)
        .isEqualTo(DocumentPreparation.sha256(p.body()))
        .isNotEqualTo(DocumentPreparation.sha256(p.body() + " "));
    assertThat(p.title()).isEqualTo("A ministry signs");
    assertThat(p.origin()).isEqualTo("feed.jsonl line 3");
  }

  @Test
  void aRecordWithoutAddressKeepsNone() {
    DocumentPreparation.Prepared p =
        (DocumentPreparation.Prepared)
            DocumentPreparation.prepare(raw(null, null, "A city bought cameras."));

    assertThat(p.canonicalUrl()).isNull();
    assertThat(p.publisher()).isNull();
    assertThat(p.title()).isNull();
  }

  @Test
  void refusesTextWithoutLettersOrDigitsAndBadAddresses() {
    assertThat(DocumentPreparation.prepare(raw(null, "t", " -- … ** ")))
        .isEqualTo(new DocumentPreparation.Refused("no text left after removing markup"));
    assertThat(DocumentPreparation.prepare(raw(null, "t", null)))
        .isEqualTo(new DocumentPreparation.Refused("no text left after removing markup"));
    assertThat(DocumentPreparation.prepare(raw("ftp://example.org/x", "t", "Some text.")))
        .isInstanceOfSatisfying(
            DocumentPreparation.Refused.class, r -> assertThat(r.message()).startsWith("url: "));
  }

  @Test
  void clipsHugeTitlesAndOrigins() {
    String huge = "x".repeat(10_000);
    DocumentPreparation.Prepared p =
        (DocumentPreparation.Prepared)
            DocumentPreparation.prepare(
                new RawDocument(huge, SourceFormat.TEXT, null, huge, null, "Some text.", 10));

    assertThat(p.title()).hasSize(2000);
    assertThat(p.origin()).hasSize(2000);
  }
}
