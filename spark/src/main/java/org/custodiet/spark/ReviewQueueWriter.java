package org.custodiet.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.custodiet.core.extract.CandidateClaim;
import org.custodiet.ingest.MinHash;
import org.custodiet.store.Database;
import org.custodiet.store.ingest.DocumentRepository;
import org.custodiet.store.ingest.NewDocument;
import org.custodiet.store.ingest.StoreOutcome;

/**
 * Writes a run's documents and candidates into the review queue of a custodiet database through the
 * store's own document repository, in input order and in batches of one transaction each. The
 * repository refuses a document whose canonical URL or text is already stored, so running the job
 * again over the same input adds nothing; near-duplicate groups are formed by the database as in
 * the embedded path. Documents stream from the executors one partition at a time, so the driver
 * never holds the corpus.
 */
final class ReviewQueueWriter {
  private ReviewQueueWriter() {}

  /**
   * What writing did: documents stored (with their candidates), documents already there, and the
   * documents the database refused, each with its reason (every one is counted, the first hundred
   * are kept).
   */
  record Written(
      long documents, long candidates, long alreadyStored, long refused, List<String> reasons) {}

  static Written write(
      JavaRDD<SparkIngestJob.Extracted> extracted,
      Database db,
      double minSimilarity,
      int documentsPerCommit) {
    long documents = 0;
    long candidates = 0;
    long already = 0;
    long refused = 0;
    List<String> reasons = new ArrayList<>();
    DocumentRepository repository = new DocumentRepository(db, minSimilarity);
    try (DocumentRepository.Session session = repository.open(documentsPerCommit)) {
      Iterator<SparkIngestJob.Extracted> it = extracted.toLocalIterator();
      while (it.hasNext()) {
        SparkIngestJob.Extracted e = it.next();
        PreparedDocument d = e.document();
        List<CandidateClaim> claims = new ArrayList<>(e.candidates().size());
        for (CandidateRow c : e.candidates()) {
          claims.add(c.toClaim());
        }
        StoreOutcome outcome;
        try {
          outcome =
              session.store(
                  new NewDocument(
                      d.canonicalUrl(),
                      d.contentSha256(),
                      d.title(),
                      d.published(),
                      d.publisher(),
                      d.sourceFormat(),
                      d.origin(),
                      d.body(),
                      d.signature(),
                      MinHash.buckets(d.signature())),
                  claims);
        } catch (RuntimeException ex) {
          refused++;
          if (reasons.size() < 100) {
            reasons.add(d.origin() + ": not stored: " + ex.getMessage());
          }
          continue;
        }
        if (outcome instanceof StoreOutcome.Stored stored) {
          documents++;
          candidates += stored.candidates();
        } else {
          already++;
        }
      }
    }
    return new Written(documents, candidates, already, refused, reasons);
  }
}
