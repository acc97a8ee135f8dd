package org.custodiet.spark;

import org.custodiet.ingest.DocumentPreparation;
import org.custodiet.ingest.MinHash;
import org.custodiet.ingest.RawDocument;

/**
 * Turns what a reader found into a document ready for deduplication, by the embedded pipeline's own
 * preparation ({@link DocumentPreparation}), with its place in the input and its MinHash signature.
 */
final class Preparation {
  private Preparation() {}

  /** The prepared document, or why the record cannot be used. */
  sealed interface Outcome extends java.io.Serializable {}

  record Ready(PreparedDocument document) implements Outcome {}

  record Refused(Quarantined record) implements Outcome {}

  static Outcome prepare(RawDocument raw, long order, String file) {
    DocumentPreparation.Outcome outcome = DocumentPreparation.prepare(raw);
    if (outcome instanceof DocumentPreparation.Refused refused) {
      return new Refused(new Quarantined(file, raw.origin(), order, refused.message()));
    }
    DocumentPreparation.Prepared p = (DocumentPreparation.Prepared) outcome;
    return new Ready(
        new PreparedDocument(
            order,
            file,
            p.origin(),
            raw.format().code(),
            p.canonicalUrl(),
            p.publisher(),
            p.title(),
            raw.published(),
            p.contentSha256(),
            p.body(),
            MinHash.signature(p.body())));
  }
}
