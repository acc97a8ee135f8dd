package org.custodiet.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.custodiet.ingest.MinHash;
import scala.Tuple2;

/**
 * Near-duplicate groups by the embedded pipeline's rule: a document joins the group of the most
 * similar earlier document (ties to the earliest) among those sharing a locality-sensitive hashing
 * bucket with it, when their estimated similarity reaches the threshold; else it opens a group.
 */
final class NearDuplicates {
  private NearDuplicates() {}

  /** A document's place in the input and its MinHash signature. */
  record Signed(long order, int[] signature) implements Serializable {}

  /** The earlier document a document was found to copy, and how similar they are. */
  record Match(long order, double similarity) implements Serializable {}

  /**
   * For the documents of one bucket, each one's best earlier match within the bucket, keyed by the
   * later document's order.
   */
  static List<Tuple2<Long, Match>> matchesWithin(Iterable<Signed> bucket, double minSimilarity) {
    List<Signed> docs = new ArrayList<>();
    bucket.forEach(docs::add);
    docs.sort(Comparator.comparingLong(Signed::order));
    List<Tuple2<Long, Match>> matches = new ArrayList<>();
    for (int j = 1; j < docs.size(); j++) {
      Match best = null;
      for (int i = 0; i < j; i++) {
        double similarity = similarity(docs.get(j).signature(), docs.get(i).signature());
        if (similarity >= minSimilarity && (best == null || similarity > best.similarity())) {
          best = new Match(docs.get(i).order(), similarity);
        }
      }
      if (best != null) {
        matches.add(new Tuple2<>(docs.get(j).order(), best));
      }
    }
    return matches;
  }

  /** A document's distinct buckets, each counted once. */
  static Iterator<Tuple2<Long, Long>> bucketKeys(PreparedDocument d) {
    return Arrays.stream(MinHash.buckets(d.signature()))
        .distinct()
        .mapToObj(b -> new Tuple2<>(b, 1L))
        .iterator();
  }

  /** Those of a document's distinct buckets it shares with others, with its order and signature. */
  static Iterator<Tuple2<Long, Signed>> buckets(PreparedDocument d, Set<Long> shared) {
    Signed signed = new Signed(d.order(), d.signature());
    return Arrays.stream(MinHash.buckets(d.signature()))
        .distinct()
        .filter(shared::contains)
        .mapToObj(b -> new Tuple2<>(b, signed))
        .iterator();
  }

  /** The better of two matches for one document: more similar, then earlier. */
  static Match better(Match a, Match b) {
    if (a.similarity() != b.similarity()) {
      return a.similarity() > b.similarity() ? a : b;
    }
    return a.order() <= b.order() ? a : b;
  }

  /**
   * Each matched document's group: the document that opened it, found by following matches back;
   * every match points to an earlier document, so one pass in order settles them all.
   */
  static Map<Long, Long> groupOpeners(Map<Long, Long> matchOf) {
    Map<Long, Long> opener = new HashMap<>();
    for (Map.Entry<Long, Long> e : new TreeMap<>(matchOf).entrySet()) {
      opener.put(e.getKey(), opener.getOrDefault(e.getValue(), e.getValue()));
    }
    return opener;
  }

  /** The share of positions where two signatures agree: an estimate of their Jaccard similarity. */
  static double similarity(int[] a, int[] b) {
    if (a.length != b.length || a.length == 0) {
      return 0;
    }
    int same = 0;
    for (int i = 0; i < a.length; i++) {
      if (a[i] == b[i]) {
        same++;
      }
    }
    return (double) same / a.length;
  }
}
