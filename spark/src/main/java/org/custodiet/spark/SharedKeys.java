package org.custodiet.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.PairFlatMapFunction;
import scala.Tuple2;

/**
 * Which 64-bit keys occur more than once across a corpus, for several kinds of key at once (URL
 * hashes, text hashes, LSH buckets). A corpus yields about twenty keys per document, nearly all of
 * them unique; shuffling them one record each (a boxed pair through a hash map and a sorter) cost
 * the job more than its extraction. Here each task packs its keys into one primitive array per kind
 * and reducer, each reducer sorts what it receives and keeps the keys it met twice, and only those,
 * a small share, come back to the driver.
 *
 * <p>A key occurring twice may still be two different values with the same hash: callers use the
 * result as a filter and decide on the values themselves.
 */
final class SharedKeys {
  private SharedKeys() {}

  /** The keys one record contributes, by kind; a record's keys of one kind must be distinct. */
  @FunctionalInterface
  interface KeysOf<T> extends Serializable {
    /** Calls {@code sink.add(kind, key)} for each of the record's keys. */
    void keys(T record, Sink sink);
  }

  /** Where a record's keys go. */
  @FunctionalInterface
  interface Sink {
    void add(int kind, long key);
  }

  /**
   * For each kind {@code 0 .. kinds-1}, the sorted keys that occur more than once over all records.
   */
  static <T> long[][] find(JavaRDD<T> records, int kinds, KeysOf<T> keysOf) {
    // Every task sends one record per reducer, so reducers stay at the cluster's parallelism
    // however many files (tasks) there are.
    int reducers =
        Math.max(1, Math.min(records.getNumPartitions(), records.context().defaultParallelism()));
    PairFlatMapFunction<Iterator<T>, Integer, long[][]> pack =
        it -> {
          LongList[][] lists = new LongList[reducers][kinds];
          for (LongList[] byKind : lists) {
            for (int k = 0; k < kinds; k++) {
              byKind[k] = new LongList();
            }
          }
          Sink sink = (kind, key) -> lists[Math.floorMod(key, reducers)][kind].add(key);
          while (it.hasNext()) {
            keysOf.keys(it.next(), sink);
          }
          List<Tuple2<Integer, long[][]>> out = new ArrayList<>(reducers);
          for (int r = 0; r < reducers; r++) {
            long[][] arrays = new long[kinds][];
            for (int k = 0; k < kinds; k++) {
              arrays[k] = lists[r][k].toArray();
            }
            out.add(new Tuple2<>(r, arrays));
          }
          return out.iterator();
        };
    List<long[][]> shared =
        records
            .mapPartitionsToPair(pack)
            .partitionBy(new HashPartitioner(reducers))
            .mapPartitions(chunks -> Collections.singletonList(repeated(chunks, kinds)).iterator())
            .collect();
    long[][] result = new long[kinds][];
    for (int k = 0; k < kinds; k++) {
      LongList all = new LongList();
      for (long[][] fromReducer : shared) {
        all.addAll(fromReducer[k]);
      }
      result[k] = all.toArray();
      Arrays.sort(result[k]);
    }
    return result;
  }

  /** A 64-bit hash of a string (FNV-1a over its chars), for strings that are keys. */
  static long hash(String value) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < value.length(); i++) {
      h ^= value.charAt(i);
      h *= 0x100000001b3L;
    }
    return h;
  }

  /** Whether {@code key} is in {@code sortedKeys}. */
  static boolean contains(long[] sortedKeys, long key) {
    return Arrays.binarySearch(sortedKeys, key) >= 0;
  }

  /** The keys of each kind that occur more than once in one reducer's chunks, each once. */
  private static long[][] repeated(Iterator<Tuple2<Integer, long[][]>> chunks, int kinds) {
    LongList[] received = new LongList[kinds];
    for (int k = 0; k < kinds; k++) {
      received[k] = new LongList();
    }
    while (chunks.hasNext()) {
      long[][] arrays = chunks.next()._2();
      for (int k = 0; k < kinds; k++) {
        received[k].addAll(arrays[k]);
      }
    }
    long[][] repeated = new long[kinds][];
    for (int k = 0; k < kinds; k++) {
      long[] keys = received[k].toArray();
      Arrays.sort(keys);
      LongList twice = new LongList();
      for (int i = 1; i < keys.length; i++) {
        if (keys[i] == keys[i - 1] && (twice.size() == 0 || twice.last() != keys[i])) {
          twice.add(keys[i]);
        }
      }
      repeated[k] = twice.toArray();
    }
    return repeated;
  }

  /** A growable array of longs, so that millions of keys are not boxed. */
  private static final class LongList {
    private long[] values = new long[16];
    private int size;

    void add(long value) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = value;
    }

    void addAll(long[] more) {
      if (size + more.length > values.length) {
        values = Arrays.copyOf(values, Math.max(size + more.length, size * 2));
      }
      System.arraycopy(more, 0, values, size, more.length);
      size += more.length;
    }

    int size() {
      return size;
    }

    long last() {
      return values[size - 1];
    }

    long[] toArray() {
      return Arrays.copyOf(values, size);
    }
  }
}
