package org.custodiet.store;

import java.util.List;
import java.util.Locale;
import org.custodiet.core.extract.CandidateClaim;
import org.custodiet.store.ingest.DocumentRepository;
import org.custodiet.store.ingest.NewDocument;
import org.custodiet.store.ingest.StoreOutcome;

/**
 * Candidates that each come from a document of their own site and all propose the same claim
 * ({@link #CLAIM}): what concurrent curators race to accept, in the store's tests and in the
 * application's server-mode test.
 */
public final class SameClaimCandidates {
  /** The claim every candidate proposes. */
  public static final String CLAIM = "dep/uniview/KEN/facial_recognition/mombasa";

  private static final String TEXT =
      "Officials in Mombasa said Uniview face-matching cameras now watch the ferry landing."
          + " A second phase is planned for the old town.";

  private SameClaimCandidates() {}

  /** Stores the {@code i}-th document (site-i.example) and returns the id of its candidate. */
  public static long store(Database db, DocumentRepository docs, int i) {
    int[] signature = new int[100];
    for (int k = 0; k < signature.length; k++) {
      signature[k] = i * 1000 + k;
    }
    StoreOutcome.Stored stored =
        (StoreOutcome.Stored)
            docs.store(
                new NewDocument(
                    "https://site-" + i + ".example/ferry-cameras",
                    String.format(Locale.ROOT, "%064x", i + 1),
                    "Cameras at the ferry",
                    "2025-05-0" + (1 + i % 9),
                    "site-" + i + ".example",
                    "jsonl",
                    "test.jsonl line " + (i + 1),
                    TEXT,
                    signature,
                    new long[] {i}),
                List.of(
                    new CandidateClaim(
                        "uniview",
                        "KEN",
                        "facial_recognition",
                        "Mombasa",
                        null,
                        0.9,
                        0,
                        TEXT.indexOf('.') + 1,
                        "test",
                        "1")));
    return Queries.count(
        db, "SELECT MAX(id) FROM candidate_claim WHERE document_id = ?", stored.documentId());
  }
}
