package org.custodiet.core.extract;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An Aho–Corasick automaton over case-folded characters, compiled to a full transition table so
 * that scanning costs one table lookup per character and allocates nothing per character. Runs of
 * whitespace count as one space, so "Huawei Technologies" across a line break still matches.
 */
final class PatternMatcher {
  /** Receives every occurrence, in order of its end, before any word-boundary check. */
  interface Sink {
    void match(int patternId, int start, int end);
  }

  private static final int[] NO_OUTPUT = new int[0];

  private final short[] classOf;
  private final int spaceClass;

  /**
   * Transitions by (row offset of the state + character class); each entry holds the next state's
   * row offset shifted left by one, with the low bit set when that state ends some pattern.
   */
  private final int[] delta;

  private final int[][] outputs;
  private final int[] patternLength;
  private final int alphabet;

  private PatternMatcher(
      short[] classOf,
      int spaceClass,
      int[] delta,
      int[][] outputs,
      int[] patternLength,
      int alphabet) {
    this.classOf = classOf;
    this.spaceClass = spaceClass;
    this.delta = delta;
    this.outputs = outputs;
    this.patternLength = patternLength;
    this.alphabet = alphabet;
  }

  /**
   * The character a pattern or text character stands for when matching: lower case, typographic
   * quotes and hyphens folded to ASCII, every kind of whitespace to a space.
   */
  static char fold(char c) {
    if (c < 128) {
      if (c >= 'A' && c <= 'Z') {
        return (char) (c + 32);
      }
      return c == '\t' || c == '\n' || c == '\r' || c == '\f' ? ' ' : c;
    }
    switch (c) {
      case '\u2019', '\u2018', '\u02bc', '\u00b4' -> {
        return '\'';
      }
      case '\u2010', '\u2011' -> {
        return '-';
      }
      case '\u00a0', '\u2007', '\u202f', '\u2009', '\u200a', '\u2002', '\u2003' -> {
        return ' ';
      }
      default -> {
        return Character.isWhitespace(c) ? ' ' : Character.toLowerCase(c);
      }
    }
  }

  /** The folded form of a pattern, with whitespace runs collapsed and trimmed. */
  static String normalise(String pattern) {
    StringBuilder b = new StringBuilder(pattern.length());
    boolean space = true;
    for (int i = 0; i < pattern.length(); i++) {
      char c = fold(pattern.charAt(i));
      if (c == ' ') {
        if (!space) {
          b.append(' ');
        }
        space = true;
      } else {
        b.append(c);
        space = false;
      }
    }
    int n = b.length();
    if (n > 0 && b.charAt(n - 1) == ' ') {
      b.setLength(n - 1);
    }
    return b.toString();
  }

  /** Compiles normalised, non-empty patterns; pattern i is reported as id i. */
  static PatternMatcher compile(List<String> patterns) {
    Map<Character, Integer> classes = new HashMap<>();
    classes.put(' ', 1);
    for (String p : patterns) {
      if (p.isEmpty()) {
        throw new IllegalArgumentException("empty pattern");
      }
      for (int i = 0; i < p.length(); i++) {
        classes.putIfAbsent(p.charAt(i), classes.size() + 1);
      }
    }
    int alphabet = classes.size() + 1;
    short[] classOf = new short[Character.MAX_VALUE + 1];
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      Integer cls = classes.get(fold((char) c));
      classOf[c] = cls == null ? 0 : cls.shortValue();
    }

    List<int[]> children = new ArrayList<>();
    List<List<Integer>> ends = new ArrayList<>();
    children.add(new int[alphabet]);
    ends.add(new ArrayList<>());
    for (int id = 0; id < patterns.size(); id++) {
      String p = patterns.get(id);
      int state = 0;
      for (int i = 0; i < p.length(); i++) {
        int cls = classes.get(p.charAt(i));
        int next = children.get(state)[cls];
        if (next == 0) {
          next = children.size();
          children.add(new int[alphabet]);
          ends.add(new ArrayList<>());
          children.get(state)[cls] = next;
        }
        state = next;
      }
      ends.get(state).add(id);
    }

    int states = children.size();
    int[] delta = new int[states * alphabet];
    int[] fail = new int[states];
    int[][] outputs = new int[states][];
    outputs[0] = NO_OUTPUT;
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int cls = 0; cls < alphabet; cls++) {
      int child = children.get(0)[cls];
      delta[cls] = child;
      if (child != 0) {
        fail[child] = 0;
        queue.add(child);
      }
    }
    while (!queue.isEmpty()) {
      int state = queue.poll();
      int[] own = ends.get(state).stream().mapToInt(Integer::intValue).toArray();
      int[] inherited = outputs[fail[state]];
      int[] merged = Arrays.copyOf(own, own.length + inherited.length);
      System.arraycopy(inherited, 0, merged, own.length, inherited.length);
      outputs[state] = merged.length == 0 ? NO_OUTPUT : merged;
      for (int cls = 0; cls < alphabet; cls++) {
        int child = children.get(state)[cls];
        if (child != 0) {
          fail[child] = delta[fail[state] * alphabet + cls];
          delta[state * alphabet + cls] = child;
          queue.add(child);
        } else {
          delta[state * alphabet + cls] = delta[fail[state] * alphabet + cls];
        }
      }
    }
    int[] encoded = new int[delta.length];
    for (int i = 0; i < delta.length; i++) {
      int next = delta[i];
      encoded[i] = (next * alphabet) << 1 | (outputs[next].length != 0 ? 1 : 0);
    }
    int[] lengths = patterns.stream().mapToInt(String::length).toArray();
    return new PatternMatcher(classOf, 1, encoded, outputs, lengths, alphabet);
  }

  void scan(String text, Sink sink) {
    final short[] classes = classOf;
    final int[] table = delta;
    final int space = spaceClass;
    int row = 0;
    boolean lastWasSpace = true;
    for (int i = 0, n = text.length(); i < n; i++) {
      int cls = classes[text.charAt(i)];
      if (cls == space) {
        if (lastWasSpace) {
          continue;
        }
        lastWasSpace = true;
      } else {
        lastWasSpace = false;
      }
      int next = table[row + cls];
      row = next >>> 1;
      if ((next & 1) != 0) {
        for (int id : outputs[row / alphabet]) {
          sink.match(id, startOf(text, i, patternLength[id]), i + 1);
        }
      }
    }
  }

  /**
   * Where a match of {@code length} folded characters ending at {@code last} starts, counting a run
   * of whitespace as the one character it was folded to. Matches are rare, so walking back costs
   * less than recording every position.
   */
  private int startOf(String text, int last, int length) {
    int j = last;
    for (int remaining = length - 1; remaining > 0; remaining--) {
      j--;
      if (classOf[text.charAt(j)] == spaceClass) {
        while (j > 0 && classOf[text.charAt(j - 1)] == spaceClass) {
          j--;
        }
      }
    }
    return j;
  }
}
