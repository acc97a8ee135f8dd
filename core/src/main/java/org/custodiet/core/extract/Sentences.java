package org.custodiet.core.extract;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * Cheap sentence boundaries: a line break ends a sentence, and so does '.', '!' or '?' followed by
 * space and a capital, digit or quote, unless the dot closes a known abbreviation or an initial.
 */
final class Sentences {
  private static final Set<String> ABBREVIATIONS =
      Set.of(
          "mr", "mrs", "ms", "dr", "prof", "st", "co", "corp", "inc", "ltd", "no", "vs", "etc",
          "jan", "feb", "mar", "apr", "aug", "sep", "sept", "oct", "nov", "dec", "gen", "gov",
          "sgt", "capt", "lt", "col", "rep", "sen", "jr", "sr", "dept", "approx", "est", "fig",
          "e.g", "i.e", "u.s", "u.k", "u.n", "a.m", "p.m", "rs", "kshs", "mt", "ft");

  private Sentences() {}

  /** Start and end offsets, pairwise: [s0, e0, s1, e1, ...], trimmed of surrounding space. */
  static int[] split(String text) {
    int[] bounds = new int[16];
    int count = 0;
    int start = 0;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      int end = -1;
      if (c == '\n' || c == '\r') {
        end = i;
      } else if ((c == '.' || c == '!' || c == '?') && endsSentence(text, i)) {
        end = i + 1;
        while (end < n && isClosing(text.charAt(end))) {
          end++;
        }
        i = end - 1;
      }
      if (end >= 0) {
        if (count + 2 > bounds.length) {
          bounds = Arrays.copyOf(bounds, bounds.length * 2);
        }
        count = add(text, start, end, bounds, count);
        start = end;
      }
    }
    if (count + 2 > bounds.length) {
      bounds = Arrays.copyOf(bounds, bounds.length + 2);
    }
    count = add(text, start, n, bounds, count);
    return Arrays.copyOf(bounds, count);
  }

  private static int add(String text, int start, int end, int[] bounds, int count) {
    while (start < end && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    if (end > start) {
      bounds[count++] = start;
      bounds[count++] = end;
    }
    return count;
  }

  private static boolean isClosing(char c) {
    return c == '"' || c == '\'' || c == ')' || c == '\u201d' || c == '\u2019' || c == ']';
  }

  private static boolean endsSentence(String text, int dot) {
    int n = text.length();
    int j = dot + 1;
    while (j < n && isClosing(text.charAt(j))) {
      j++;
    }
    if (j >= n) {
      return true;
    }
    if (!Character.isWhitespace(text.charAt(j))) {
      return false;
    }
    while (j < n && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
      j++;
    }
    if (j >= n || text.charAt(j) == '\n' || text.charAt(j) == '\r') {
      return true;
    }
    char next = text.charAt(j);
    boolean opens =
        Character.isUpperCase(next)
            || Character.isDigit(next)
            || next == '"'
            || next == '\u201c'
            || next == '\''
            || next == '\u2018'
            || next == '('
            || next == '[';
    if (!opens || text.charAt(dot) != '.') {
      return opens;
    }
    int w = dot;
    while (w > 0
        && dot - w <= 6
        && !Character.isWhitespace(text.charAt(w - 1))
        && text.charAt(w - 1) != '(') {
      w--;
    }
    if (dot - w > 6) {
      return true;
    }
    String word = text.substring(w, dot).toLowerCase(Locale.ROOT);
    if (word.length() == 1 && Character.isLetter(word.charAt(0))) {
      return false;
    }
    return !ABBREVIATIONS.contains(word);
  }
}
