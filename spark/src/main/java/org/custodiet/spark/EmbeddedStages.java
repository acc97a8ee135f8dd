package org.custodiet.spark;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custodiet.core.extract.Extractor;
import org.custodiet.ingest.DocumentSink;
import org.custodiet.ingest.Limits;
import org.custodiet.ingest.MinHash;
import org.custodiet.ingest.RawDocument;
import org.custodiet.ingest.ReadFailure;
import org.custodiet.ingest.Readers;

/**
 * The embedded ingest path's work without its database, on one thread: the ingest module's readers,
 * the same normalisation, exact-copy and near-duplicate rules (kept in memory, as the store's
 * session index keeps them on a first ingest) and the core extractor. The scaling benchmark sets
 * the Spark job beside it, since both then do the same work and only the engine differs.
 */
final class EmbeddedStages {
  private EmbeddedStages() {}

  /** Counts, as in {@link SparkIngestJob.Report}. */
  record Counts(
      long read,
      long documents,
      long duplicates,
      long nearDuplicates,
      long quarantined,
      long candidates) {}

  static Counts run(List<Path> files, Extractor extractor, Limits limits, double minSimilarity) {
    Readers readers = new Readers(limits);
    State state = new State(extractor, minSimilarity);
    for (Path file : files) {
      readers.read(
          file,
          new DocumentSink() {
            @Override
            public void document(RawDocument document) {
              state.read++;
              state.accept(Preparation.prepare(document, state.read, file.toString()));
            }

            @Override
            public void failure(ReadFailure failure) {
              state.read++;
              state.quarantined++;
            }
          });
    }
    return new Counts(
        state.read,
        state.documents,
        state.duplicates,
        state.nearDuplicates,
        state.quarantined,
        state.candidates);
  }

  private static final class State {
    private final Extractor extractor;
    private final double minSimilarity;
    private final Set<String> urls = new HashSet<>();
    private final Set<String> texts = new HashSet<>();
    private final Map<Long, List<int[]>> byBucket = new HashMap<>();
    long read;
    long documents;
    long duplicates;
    long nearDuplicates;
    long quarantined;
    long candidates;

    State(Extractor extractor, double minSimilarity) {
      this.extractor = extractor;
      this.minSimilarity = minSimilarity;
    }

    void accept(Preparation.Outcome outcome) {
      if (!(outcome instanceof Preparation.Ready ready)) {
        quarantined++;
        return;
      }
      PreparedDocument d = ready.document();
      if ((d.canonicalUrl() != null && urls.contains(d.canonicalUrl()))
          || texts.contains(d.contentSha256())) {
        duplicates++;
        return;
      }
      int found;
      try {
        found = extractor.extract(d.body()).size();
      } catch (RuntimeException e) {
        quarantined++;
        return;
      }
      long[] buckets = Arrays.stream(MinHash.buckets(d.signature())).distinct().toArray();
      double best = 0;
      for (long bucket : buckets) {
        for (int[] other : byBucket.getOrDefault(bucket, List.of())) {
          best = Math.max(best, NearDuplicates.similarity(d.signature(), other));
        }
      }
      boolean near = best >= minSimilarity;
      for (long bucket : buckets) {
        byBucket.computeIfAbsent(bucket, b -> new java.util.ArrayList<>()).add(d.signature());
      }
      if (d.canonicalUrl() != null) {
        urls.add(d.canonicalUrl());
      }
      texts.add(d.contentSha256());
      documents++;
      candidates += found;
      if (near) {
        nearDuplicates++;
      }
    }
  }
}
