package org.custodiet.core.screening;

/**
 * A small sound-alike key for transliteration variants that are more than a typo apart ("Mohammed"
 * / "Muhammad", "Aleksandr" / "Alexander", "Yevgeny" / "Evgeny"): letters that sound alike share a
 * code, vowels drop out except a leading one, and a letter repeated without a vowel in between
 * counts once. Our own simplification in the spirit of Soundex and Metaphone; it keeps the whole
 * word, not four characters, so that long names do not collide.
 */
final class PhoneticKey {
  private PhoneticKey() {}

  static String of(String token) {
    StringBuilder key = new StringBuilder(token.length());
    char last = 0;
    int n = token.length();
    for (int i = 0; i < n; i++) {
      char c = token.charAt(i);
      char next = i + 1 < n ? token.charAt(i + 1) : 0;
      char code;
      switch (c) {
        case 'a', 'e', 'i', 'o', 'u', 'y' -> {
          if (key.length() == 0) {
            key.append('A');
          }
          last = 0;
          continue;
        }
        case 'h' -> {
          if (key.length() == 0) {
            key.append('H');
            last = 'H';
          }
          continue;
        }
        case 'b', 'p' -> {
          if (c == 'p' && next == 'h') {
            code = 'F';
            i++;
          } else {
            code = 'P';
          }
        }
        case 'f', 'v', 'w' -> code = 'F';
        case 'd', 't' -> code = 'T';
        case 'k', 'q', 'g' -> code = 'K';
        case 'c' -> {
          if (next == 'h') {
            code = 'X';
            i++;
          } else {
            code = next == 'e' || next == 'i' || next == 'y' ? 'S' : 'K';
          }
        }
        case 's' -> {
          if (next == 'h') {
            code = 'X';
            i++;
          } else if (next == 'c' && i + 2 < n && token.charAt(i + 2) == 'h') {
            code = 'X';
            i += 2;
          } else {
            code = 'S';
          }
        }
        case 'z' -> code = next == 'h' ? 'J' : 'S';
        case 'x' -> {
          if (last != 'K') {
            key.append('K');
          }
          code = 'S';
        }
        case 'j' -> code = 'J';
        case 'l', 'm', 'n', 'r' -> code = Character.toUpperCase(c);
        default -> code = c;
      }
      if (code != last) {
        key.append(code);
      }
      last = code;
    }
    return key.toString();
  }
}
