package org.custodiet.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
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

  /** A document's place in the input, its key in the outputs and its MinHash signature. */
  record Signed(long order, String key, int[] signature) implements Serializable {}

  /** The earlier document a document was found to copy, its key, and how similar they are. */
  record Match(long order, String key, double similarity) implements Serializable {}

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
          best = new Match(docs.get(i).order(), docs.get(i).key(), similarity);
        }
      }
      if (best != null) {
        matches.add(new Tuple2<>(docs.get(j).order(), best));
      }
    }
    return matches;
  }

  /** A document's buckets, each once (sorted; without boxing, as it runs for every document). */
  static long[] distinctBuckets(int[] signature) {
    long[] buckets = MinHash.buckets(signature);
    Arrays.sort(buckets);
    int distinct = 0;
    for (int i = 0; i < buckets.length; i++) {
      if (i == 0 || buckets[i] != buckets[i - 1]) {
        buckets[distinct++] = buckets[i];
      }
    }
    return Arrays.copyOf(buckets, distinct);
  }

  /** Those of a document's buckets it shares with others, with its order, key and signature. */
  static Iterator<Tuple2<Long, Signed>> sharedBuckets(PreparedDocument d, long[] sortedShared) {
    Signed signed = new Signed(d.order(), d.key(), d.signature());
    return Arrays.stream(distinctBuckets(d.signature()))
        .filter(b -> SharedKeys.contains(sortedShared, b))
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
