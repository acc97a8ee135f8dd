package org.custodiet.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.custodiet.core.extract.CandidateClaim;
import org.custodiet.core.extract.Extractor;
import org.custodiet.store.Database;
import org.custodiet.store.ingest.DocumentRepository;
import org.custodiet.store.ingest.NewDocument;
import org.custodiet.store.ingest.StoreOutcome;

/**
 * read, normalise, drop exact duplicates, extract, then store the document, its near-duplicate
 * group and its candidate claims together or not at all (several documents share a transaction,
 * each under its own savepoint). A document that fails is counted with its reason and the run goes
 * on.
 */
public final class IngestPipeline {
  /** Estimated Jaccard similarity of four-word shingle sets from which texts are one story. */
  public static final double DEFAULT_MIN_SIMILARITY = 0.5;

  /**
   * Documents stored per transaction. A commit costs much more than one document's rows, and a
   * document that fails is rolled back alone (see {@link DocumentRepository#open(int)}).
   */
  public static final int DEFAULT_DOCUMENTS_PER_COMMIT = 200;

  private final DocumentRepository documents;
  private final Extractor extractor;
  private final Readers readers;
  private final int documentsPerCommit;
  private Listener listener = (outcome, bytes) -> {};

  /** Told of each document as the run finishes with it, for monitoring (ingest rates). */
  @FunctionalInterface
  public interface Listener {
    /**
     * @param outcome stored, duplicate or failed
     * @param bytes the input bytes of the document (0 for one that could not be read)
     */
    void document(String outcome, long bytes);
  }

  /** Sets the listener told of every document from now on; returns this pipeline. */
  public IngestPipeline listener(Listener listener) {
    this.listener = java.util.Objects.requireNonNull(listener, "listener");
    return this;
  }

  public IngestPipeline(
      Database db,
      Extractor extractor,
      Limits limits,
      double minNearDuplicateSimilarity,
      int documentsPerCommit) {
    this.documents = new DocumentRepository(db, minNearDuplicateSimilarity);
    this.extractor = extractor;
    this.readers = new Readers(limits);
    if (documentsPerCommit < 1) {
      throw new IllegalArgumentException(
          "documentsPerCommit must be at least 1, got " + documentsPerCommit);
    }
    this.documentsPerCommit = documentsPerCommit;
  }

  public IngestPipeline(
      Database db, Extractor extractor, Limits limits, double minNearDuplicateSimilarity) {
    this(db, extractor, limits, minNearDuplicateSimilarity, DEFAULT_DOCUMENTS_PER_COMMIT);
  }

  public IngestPipeline(Database db, Extractor extractor) {
    this(db, extractor, Limits.DEFAULT, DEFAULT_MIN_SIMILARITY);
  }

  /**
   * Ingests files, and every file under directories (in name order, hidden files skipped).
   *
   * @param failures told of each document that fails, as it happens
   */
  public IngestReport run(List<Path> paths, Consumer<ReadFailure> failures, Progress progress) {
    List<Path> files = new ArrayList<>();
    Counter counter = new Counter(failures);
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        try (Stream<Path> walk = Files.walk(path)) {
          walk.filter(Files::isRegularFile)
              .filter(p -> !p.getFileName().toString().startsWith("."))
              .sorted()
              .forEach(files::add);
        } catch (IOException | UncheckedIOException e) {
          counter.failure(new ReadFailure(path.toString(), "cannot list the directory: " + e));
        }
      } else {
        files.add(path);
      }
    }
    long total = 0;
    for (Path f : files) {
      total += sizeOrZero(f);
    }
    long finished = 0;
    try (DocumentRepository.Session session = documents.open(documentsPerCommit)) {
      for (Path file : files) {
        long before = counter.bytes;
        long totalBytes = total;
        long finishedBytes = finished;
        readers.read(
            file,
            new DocumentSink() {
              @Override
              public void document(RawDocument document) {
                counter.bytes += document.rawBytes();
                long stored = counter.ingested;
                long failed = counter.failed;
                ingest(session, document, counter);
                listener.document(
                    counter.ingested > stored
                        ? "stored"
                        : counter.failed > failed ? "failed" : "duplicate",
                    document.rawBytes());
                progress.update(
                    finishedBytes + counter.bytes - before, totalBytes, counter.report());
              }

              @Override
              public void failure(ReadFailure failure) {
                counter.failure(failure);
                listener.document("failed", 0);
                progress.update(
                    finishedBytes + counter.bytes - before, totalBytes, counter.report());
              }
            });
        finished += sizeOrZero(file);
        progress.update(finished, total, counter.report());
      }
    }
    return counter.report();
  }

  private void ingest(DocumentRepository.Session session, RawDocument raw, Counter counter) {
    counter.read++;
    DocumentPreparation.Outcome prepared = DocumentPreparation.prepare(raw);
    if (prepared instanceof DocumentPreparation.Refused refused) {
      counter.fail(new ReadFailure(raw.origin(), refused.message()));
      return;
    }
    DocumentPreparation.Prepared p = (DocumentPreparation.Prepared) prepared;
    String body = p.body();
    String canonical = p.canonicalUrl();
    String sha = p.contentSha256();
    if (session.findDuplicate(canonical, sha).isPresent()) {
      counter.duplicates++;
      return;
    }
    List<CandidateClaim> candidates;
    try {
      candidates = extractor.extract(body);
    } catch (RuntimeException e) {
      counter.fail(
          new ReadFailure(
              raw.origin(),
              "extractor " + extractor.name() + " " + extractor.version() + " failed: " + e));
      return;
    }
    int[] signature = MinHash.signature(body);
    NewDocument doc =
        new NewDocument(
            canonical,
            sha,
            p.title(),
            raw.published(),
            p.publisher(),
            raw.format().code(),
            p.origin(),
            body,
            signature,
            MinHash.buckets(signature));
    StoreOutcome outcome;
    try {
      outcome = session.store(doc, candidates);
    } catch (RuntimeException e) {
      counter.fail(new ReadFailure(raw.origin(), "not stored: " + e.getMessage()));
      return;
    }
    if (outcome instanceof StoreOutcome.Stored stored) {
      counter.ingested++;
      counter.candidates += stored.candidates();
      counter.suppressed += stored.suppressed();
      if (stored.nearDuplicateOf() != null) {
        counter.nearDuplicates++;
      }
    } else {
      counter.duplicates++;
    }
  }

  private static long sizeOrZero(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }

  private static final class Counter {
    private final Consumer<ReadFailure> failures;
    long read;
    long ingested;
    long duplicates;
    long nearDuplicates;
    long failed;
    long candidates;
    long bytes;
    long suppressed;

    Counter(Consumer<ReadFailure> failures) {
      this.failures = failures;
    }

    /** A document that could not even be read. */
    void failure(ReadFailure failure) {
      read++;
      fail(failure);
    }

    /** A document read but not stored. */
    void fail(ReadFailure failure) {
      failed++;
      failures.accept(failure);
    }

    IngestReport report() {
      return new IngestReport(
          read, ingested, duplicates, nearDuplicates, failed, candidates, bytes, suppressed);
    }
  }
}
