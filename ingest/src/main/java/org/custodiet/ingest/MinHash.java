package org.custodiet.ingest;

import java.util.SplittableRandom;

/**
 * MinHash signatures over word shingles, and their locality-sensitive hashing buckets. Two texts
 * agree in about as many signature positions as the Jaccard similarity of their sets of four-word
 * sequences; with 20 bands of 5 rows, texts from about 0.55 similarity up share a bucket with high
 * probability and texts below 0.3 rarely do, so only documents sharing a bucket need to be
 * compared.
 */
public final class MinHash {
  public static final int SHINGLE_WORDS = 4;
  public static final int BANDS = 20;
  public static final int ROWS = 5;
  public static final int SIZE = BANDS * ROWS;

  private static final long[] MULTIPLIERS = new long[SIZE];
  private static final long[] ADDENDS = new long[SIZE];

  static {
    SplittableRandom random = new SplittableRandom(0x5EED_C057_0D1EL);
    for (int i = 0; i < SIZE; i++) {
      MULTIPLIERS[i] = random.nextLong() | 1;
      ADDENDS[i] = random.nextLong();
    }
  }

  private MinHash() {}

  /** The signature of a text: for each of {@link #SIZE} hash functions, its least shingle hash. */
  public static int[] signature(String text) {
    long[] mins = new long[SIZE];
    java.util.Arrays.fill(mins, Long.MAX_VALUE);
    long[] window = new long[SHINGLE_WORDS];
    int words = 0;
    int i = 0;
    int n = text.length();
    while (i < n) {
      while (i < n && !Character.isLetterOrDigit(text.charAt(i))) {
        i++;
      }
      if (i >= n) {
        break;
      }
      long h = 0xcbf29ce484222325L;
      while (i < n && Character.isLetterOrDigit(text.charAt(i))) {
        h = (h ^ Character.toLowerCase(text.charAt(i))) * 0x100000001b3L;
        i++;
      }
      window[words % SHINGLE_WORDS] = h;
      words++;
      if (words >= SHINGLE_WORDS) {
        update(mins, shingle(window, words));
      }
    }
    if (words > 0 && words < SHINGLE_WORDS) {
      update(mins, shingle(window, words));
    }
    int[] signature = new int[SIZE];
    for (int k = 0; k < SIZE; k++) {
      signature[k] = (int) mins[k];
    }
    return signature;
  }

  /** One hash of the last words in the window, in order. */
  private static long shingle(long[] window, int words) {
    int count = Math.min(words, SHINGLE_WORDS);
    long h = 0;
    for (int k = count; k > 0; k--) {
      h = mix(h * 31 + window[(words - k) % SHINGLE_WORDS]);
    }
    return h;
  }

  private static void update(long[] mins, long shingle) {
    for (int k = 0; k < SIZE; k++) {
      long v = (MULTIPLIERS[k] * shingle + ADDENDS[k]) >>> 32;
      if (v < mins[k]) {
        mins[k] = v;
      }
    }
  }

  /** One bucket per band: a hash of the band's number and its rows of the signature. */
  public static long[] buckets(int[] signature) {
    long[] buckets = new long[BANDS];
    for (int band = 0; band < BANDS; band++) {
      long h = mix(band + 1);
      for (int row = 0; row < ROWS; row++) {
        h = mix(h ^ (signature[band * ROWS + row] & 0xFFFFFFFFL));
      }
      buckets[band] = h;
    }
    return buckets;
  }

  /** The finaliser of SplitMix64: spreads every input bit over the whole word. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
