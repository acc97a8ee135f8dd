package org.custodiet.core.screening;

import java.util.Set;
import java.util.TreeSet;

/**
 * Numbers in names ("Institute 27", "No. 14 Research Institute", vessel names) distinguish
 * otherwise equal names: when both names have numbers and they differ, subtract {@link #DIFFER}.
 */
final class NumberFeature {
  static final double DIFFER = -0.2;

  private NumberFeature() {}

  static double contribution(PreparedName a, PreparedName b) {
    // most names hold no number: answer them without building sets or running the regex
    if (!hasNumber(a) || !hasNumber(b)) {
      return 0;
    }
    Set<String> numbersA = numbers(a);
    Set<String> numbersB = numbers(b);
    if (numbersA.isEmpty() || numbersB.isEmpty()) {
      return 0;
    }
    return numbersA.equals(numbersB) ? 0 : DIFFER;
  }

  private static boolean hasNumber(PreparedName name) {
    for (String token : name.tokens) {
      if (isNumber(token)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isNumber(String token) {
    for (int i = 0; i < token.length(); i++) {
      if (!Character.isDigit(token.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  static Set<String> numbers(PreparedName name) {
    Set<String> numbers = new TreeSet<>();
    for (String token : name.tokens) {
      if (isNumber(token)) {
        numbers.add(token.replaceFirst("^0+(?=.)", ""));
      }
    }
    return numbers;
  }
}
