package org.custodiet.core.screening;

import java.util.ArrayList;
import java.util.List;

/**
 * Pairs the tokens of two names one to one, in any order (word order never matters), and says how
 * well each pair agrees: exactly (1), as one word written in two ("hik vision" / "hikvision", 1),
 * within a typo (edit distance, 1 minus the share of letters edited), by sound (phonetic key,
 * {@link #PHONETIC_SIMILARITY}) or, for persons, as an initial ("j" / "john", {@link
 * #INITIAL_SIMILARITY}), for organisations as a cut word ("lab" / "laboratory", {@link
 * #PREFIX_SIMILARITY}), or as a plural ("lab" / "labs"). Exact pairs are taken first, then joined
 * words, then the best of the rest, greedily.
 */
final class TokenAlignment {
  static final double PHONETIC_SIMILARITY = 0.75;
  static final double PLURAL_SIMILARITY = 0.95;
  static final double PREFIX_SIMILARITY = 0.7;
  static final int PHONETIC_MIN_LENGTH = 6;
  static final double INITIAL_SIMILARITY = 0.5;
  private static final double FUZZY_FLOOR = 0.7;

  enum Kind {
    EXACT,
    COMPOUND,
    EDIT,
    PHONETIC,
    PREFIX,
    INITIAL
  }

  /** One agreement: query tokens [qFrom, qTo) with candidate tokens [cFrom, cTo). */
  record Pair(int qFrom, int qTo, int cFrom, int cTo, double similarity, Kind kind) {}

  final List<Pair> pairs = new ArrayList<>(8);
  final boolean[] queryMatched;
  final boolean[] candidateMatched;

  private TokenAlignment(int queryTokens, int candidateTokens) {
    queryMatched = new boolean[queryTokens];
    candidateMatched = new boolean[candidateTokens];
  }

  static TokenAlignment align(PreparedName query, PreparedName candidate, boolean person) {
    String[] q = query.tokens;
    String[] c = candidate.tokens;
    TokenAlignment alignment = new TokenAlignment(q.length, c.length);
    for (int i = 0; i < q.length; i++) {
      for (int j = 0; j < c.length; j++) {
        if (!alignment.candidateMatched[j] && q[i].equals(c[j])) {
          alignment.take(i, i + 1, j, j + 1, 1, Kind.EXACT);
          break;
        }
      }
    }
    alignment.joinCompounds(q, c, false);
    alignment.joinCompounds(c, q, true);
    alignment.fuzzy(query, candidate, person);
    return alignment;
  }

  private void take(int qFrom, int qTo, int cFrom, int cTo, double similarity, Kind kind) {
    for (int i = qFrom; i < qTo; i++) {
      queryMatched[i] = true;
    }
    for (int j = cFrom; j < cTo; j++) {
      candidateMatched[j] = true;
    }
    pairs.add(new Pair(qFrom, qTo, cFrom, cTo, similarity, kind));
  }

  /** One token of {@code single} against two or three neighbouring tokens of {@code split}. */
  private void joinCompounds(String[] single, String[] split, boolean swapped) {
    if (split.length < 2) {
      return;
    }
    boolean[] singleMatched = swapped ? candidateMatched : queryMatched;
    boolean[] splitMatched = swapped ? queryMatched : candidateMatched;
    for (int i = 0; i < single.length; i++) {
      String whole = single[i];
      if (singleMatched[i] || whole.length() < 4) {
        continue;
      }
      for (int from = 0; from + 1 < split.length; from++) {
        if (splitMatched[from] || !startsAlike(whole, split[from])) {
          continue;
        }
        int to = compoundEnd(whole, split, splitMatched, from);
        if (to > 0) {
          double similarity = EditDistance.similarity(whole, joined(split, from, to));
          if (swapped) {
            take(from, to, i, i + 1, similarity, Kind.COMPOUND);
          } else {
            take(i, i + 1, from, to, similarity, Kind.COMPOUND);
          }
          break;
        }
      }
    }
  }

  /** A cheap test before joining: the first part opens the whole token (one typo allowed later). */
  private static boolean startsAlike(String whole, String part) {
    int n = Math.min(part.length(), 3);
    return part.length() < whole.length() && whole.regionMatches(0, part, 0, n);
  }

  /** The end (exclusive) of two or three parts that spell {@code whole}, or 0. */
  private static int compoundEnd(String whole, String[] split, boolean[] matched, int from) {
    int length = split[from].length();
    for (int to = from + 1; to < Math.min(split.length, from + 3); to++) {
      if (matched[to]) {
        return 0;
      }
      length += split[to].length();
      if (length > whole.length() + 1) {
        return 0;
      }
      String joined = joined(split, from, to + 1);
      boolean same =
          joined.length() >= 8 ? EditDistance.similarity(whole, joined) > 0 : whole.equals(joined);
      if (same) {
        return to + 1;
      }
    }
    return 0;
  }

  private static String joined(String[] split, int from, int to) {
    StringBuilder out = new StringBuilder();
    for (int k = from; k < to; k++) {
      out.append(split[k]);
    }
    return out.toString();
  }

  private void fuzzy(PreparedName query, PreparedName candidate, boolean person) {
    List<double[]> options = new ArrayList<>();
    for (int i = 0; i < query.tokens.length; i++) {
      if (queryMatched[i]) {
        continue;
      }
      String a = query.tokens[i];
      for (int j = 0; j < candidate.tokens.length; j++) {
        if (candidateMatched[j]) {
          continue;
        }
        String b = candidate.tokens[j];
        double similarity = EditDistance.similarity(a, b);
        Kind kind = Kind.EDIT;
        if (similarity < FUZZY_FLOOR) {
          similarity = 0;
        }
        if (isPlural(a, b)) {
          similarity = PLURAL_SIMILARITY;
        }
        if (similarity < PHONETIC_SIMILARITY
            && a.length() >= PHONETIC_MIN_LENGTH
            && b.length() >= PHONETIC_MIN_LENGTH
            && query.phonetic[i].length() >= 3
            && query.phonetic[i].equals(candidate.phonetic[j])) {
          similarity = PHONETIC_SIMILARITY;
          kind = Kind.PHONETIC;
        }
        if (similarity == 0 && !person && isAbbreviation(a, b)) {
          similarity = PREFIX_SIMILARITY;
          kind = Kind.PREFIX;
        }
        if (similarity == 0 && person && isInitialOf(a, b)) {
          similarity = INITIAL_SIMILARITY;
          kind = Kind.INITIAL;
        }
        if (similarity > 0) {
          options.add(new double[] {similarity, i, j, kind.ordinal()});
        }
      }
    }
    options.sort((x, y) -> Double.compare(y[0], x[0]));
    for (double[] option : options) {
      int i = (int) option[1];
      int j = (int) option[2];
      if (!queryMatched[i] && !candidateMatched[j]) {
        take(i, i + 1, j, j + 1, option[0], Kind.values()[(int) option[3]]);
      }
    }
  }

  /** "lab" / "labs": a plural s that the normaliser only strips from generic words. */
  private static boolean isPlural(String a, String b) {
    String shorter = a.length() < b.length() ? a : b;
    String longer = a.length() < b.length() ? b : a;
    return shorter.length() >= 3
        && longer.length() == shorter.length() + 1
        && longer.endsWith("s")
        && longer.startsWith(shorter);
  }

  /** "lab" / "laboratory": a cut word of three letters or more, at least three letters short. */
  private static boolean isAbbreviation(String a, String b) {
    String shorter = a.length() < b.length() ? a : b;
    String longer = a.length() < b.length() ? b : a;
    return shorter.length() >= 3
        && longer.length() >= shorter.length() + 3
        && longer.startsWith(shorter)
        && !Character.isDigit(shorter.charAt(0));
  }

  private static boolean isInitialOf(String a, String b) {
    return (a.length() == 1 && b.length() > 1 && b.charAt(0) == a.charAt(0))
        || (b.length() == 1 && a.length() > 1 && a.charAt(0) == b.charAt(0));
  }
}
