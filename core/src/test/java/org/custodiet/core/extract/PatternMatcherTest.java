package org.custodiet.core.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PatternMatcherTest {
  private static List<String> occurrences(PatternMatcher m, List<String> patterns, String text) {
    List<String> found = new ArrayList<>();
    m.scan(text, (id, start, end) -> found.add(patterns.get(id) + "@" + start + "-" + end));
    return found;
  }

  @Test
  void findsOverlappingPatternsIgnoringCaseAndCollapsingWhitespace() {
    List<String> patterns = List.of("he", "she", "his", "hers", "safe city");
    PatternMatcher m = PatternMatcher.compile(patterns);
    assertThat(occurrences(m, patterns, "uSHErs"))
        .containsExactlyInAnyOrder("she@1-4", "he@2-4", "hers@2-6");
    assertThat(occurrences(m, patterns, "a Safe \n\t City!")).containsExactly("safe city@2-14");
  }

  @Test
  void foldsTypographicQuotesAndHyphens() {
    List<String> patterns = List.of(PatternMatcher.normalise("Buyer's credit"), "face-scanning");
    PatternMatcher m = PatternMatcher.compile(patterns);
    assertThat(occurrences(m, patterns, "a buyer\u2019s credit and face\u2010scanning"))
        .containsExactly("buyer's credit@2-16", "face-scanning@21-34");
  }

  @Test
  void agreesWithNaiveSearchOnRandomText() {
    Random random = new Random(7);
    List<String> patterns = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      patterns.add(randomWord(random, 1 + random.nextInt(4)));
    }
    patterns = patterns.stream().distinct().toList();
    PatternMatcher m = PatternMatcher.compile(patterns);
    for (int round = 0; round < 50; round++) {
      String text = randomWord(random, 400);
      List<String> expected = new ArrayList<>();
      for (int end = 1; end <= text.length(); end++) {
        for (String p : patterns) {
          if (end >= p.length() && text.startsWith(p, end - p.length())) {
            expected.add(p + "@" + (end - p.length()) + "-" + end);
          }
        }
      }
      assertThat(occurrences(m, patterns, text)).containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  private static String randomWord(Random random, int length) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < length; i++) {
      b.append("abc".charAt(random.nextInt(3)));
    }
    return b.toString();
  }
}
