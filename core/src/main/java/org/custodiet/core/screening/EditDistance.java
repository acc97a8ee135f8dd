package org.custodiet.core.screening;

/**
 * Typo tolerance between two tokens: optimal-string-alignment distance (insertions, deletions,
 * substitutions and swaps of neighbours each cost 1), bounded so that long tokens cost little.
 */
final class EditDistance {
  private EditDistance() {}

  /**
   * Edits allowed between two tokens: none below four letters (where one letter makes another
   * word), one from five, two from nine; four-letter tokens get one edit only when they start
   * alike, because first letters are rarely mistyped and "Jing" / "Ming" are different names.
   */
  static int allowedEdits(String a, String b) {
    int shorter = Math.min(a.length(), b.length());
    if (shorter >= 9) {
      return 2;
    }
    if (shorter >= 5) {
      return 1;
    }
    return shorter == 4 && a.charAt(0) == b.charAt(0) ? 1 : 0;
  }

  /** The distance, or {@code max + 1} as soon as it must exceed {@code max}. */
  static int bounded(String a, String b, int max) {
    int n = a.length();
    int m = b.length();
    if (Math.abs(n - m) > max) {
      return max + 1;
    }
    int[] previous2 = new int[m + 1];
    int[] previous = new int[m + 1];
    int[] current = new int[m + 1];
    for (int j = 0; j <= m; j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= n; i++) {
      current[0] = i;
      int rowMin = current[0];
      char ca = a.charAt(i - 1);
      for (int j = 1; j <= m; j++) {
        char cb = b.charAt(j - 1);
        int cost = ca == cb ? 0 : 1;
        int value = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
        if (i > 1 && j > 1 && ca == b.charAt(j - 2) && a.charAt(i - 2) == cb) {
          value = Math.min(value, previous2[j - 2] + 1);
        }
        current[j] = value;
        rowMin = Math.min(rowMin, value);
      }
      if (rowMin > max) {
        return max + 1;
      }
      int[] spare = previous2;
      previous2 = previous;
      previous = current;
      current = spare;
    }
    return Math.min(previous[m], max + 1);
  }

  /**
   * Similarity in [0, 1] for tokens within the allowed edits: 1 minus the share of letters edited;
   * 0 beyond the allowance.
   */
  static double similarity(String a, String b) {
    int allowed = allowedEdits(a, b);
    if (allowed == 0) {
      return a.equals(b) ? 1 : 0;
    }
    int distance = bounded(a, b, allowed);
    if (distance > allowed) {
      return 0;
    }
    return 1.0 - (double) distance / Math.max(a.length(), b.length());
  }
}
