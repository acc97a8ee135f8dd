package org.custodiet.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;

class SharedKeysTest {
  private final JavaSparkContext jsc =
      JavaSparkContext.fromSparkContext(SharedSpark.session().sparkContext());

  /** A record with keys of two kinds. */
  record Keyed(long[] first, long[] second) implements java.io.Serializable {}

  @Test
  void findsTheKeysMetTwiceWithinOrAcrossPartitionsAndKeepsKindsApart() {
    List<Keyed> records =
        List.of(
            new Keyed(new long[] {1, 2}, new long[] {7}),
            new Keyed(new long[] {3}, new long[] {1}),
            new Keyed(new long[] {1}, new long[] {-5}),
            new Keyed(new long[] {Long.MIN_VALUE}, new long[] {-5}),
            new Keyed(new long[] {Long.MIN_VALUE, 4}, new long[] {8}),
            new Keyed(new long[] {1}, new long[] {9}));
    // Three partitions of two records: key 1 of the first kind meets itself in the first and
    // across partitions; -5 of the second kind meets itself across the second and the third.
    long[][] shared = SharedKeys.find(jsc.parallelize(records, 3), 2, SharedKeysTest::keys);

    assertThat(shared[0]).containsExactly(Long.MIN_VALUE, 1);
    assertThat(shared[1]).containsExactly(-5);
  }

  @Test
  void agreesWithCountingOnRandomKeys() {
    Random random = new Random(7);
    List<Keyed> records = new ArrayList<>();
    Map<Long, Integer> firstCounts = new HashMap<>();
    Map<Long, Integer> secondCounts = new HashMap<>();
    for (int i = 0; i < 5_000; i++) {
      long a = random.nextInt(20_000) - 10_000L;
      long b = random.nextLong() % 3_000;
      records.add(new Keyed(new long[] {a}, new long[] {b}));
      firstCounts.merge(a, 1, Integer::sum);
      secondCounts.merge(b, 1, Integer::sum);
    }
    JavaRDD<Keyed> rdd = jsc.parallelize(records, 7);

    long[][] shared = SharedKeys.find(rdd, 2, SharedKeysTest::keys);

    assertThat(shared[0]).containsExactly(sortedRepeated(firstCounts));
    assertThat(shared[1]).containsExactly(sortedRepeated(secondCounts));
    assertThat(shared[0]).isNotEmpty();
  }

  @Test
  void emptyInputSharesNothing() {
    long[][] shared =
        SharedKeys.find(jsc.parallelize(List.<Keyed>of(), 2), 2, SharedKeysTest::keys);

    assertThat(shared[0]).isEmpty();
    assertThat(shared[1]).isEmpty();
  }

  @Test
  void containsLooksUpSortedKeys() {
    long[] sorted = {-9, 0, 4, 1L << 40};

    assertThat(SharedKeys.contains(sorted, 4)).isTrue();
    assertThat(SharedKeys.contains(sorted, 1L << 40)).isTrue();
    assertThat(SharedKeys.contains(sorted, 5)).isFalse();
  }

  @Test
  void hashTellsStringsApartAndIsStable() {
    assertThat(SharedKeys.hash("https://example.org/a"))
        .isEqualTo(SharedKeys.hash("https://example.org/a"))
        .isNotEqualTo(SharedKeys.hash("https://example.org/b"))
        .isNotEqualTo(SharedKeys.hash("https://example.org/a/"));
    // FNV-1a 64 of the empty string is its offset basis.
    assertThat(SharedKeys.hash("")).isEqualTo(0xcbf29ce484222325L);
  }

  private static void keys(Keyed k, SharedKeys.Sink sink) {
    for (long key : k.first()) {
      sink.add(0, key);
    }
    for (long key : k.second()) {
      sink.add(1, key);
    }
  }

  private static long[] sortedRepeated(Map<Long, Integer> counts) {
    return counts.entrySet().stream()
        .filter(e -> e.getValue() > 1)
        .mapToLong(Map.Entry::getKey)
        .sorted()
        .toArray();
  }
}
