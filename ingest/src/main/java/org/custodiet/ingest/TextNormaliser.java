package org.custodiet.ingest;

import java.text.Normalizer;

/**
 * The one form of text that is stored, hashed and given to extractors: Unicode NFC; line breaks as
 * {@code \n}; tabs, no-break and other spaces as one plain space; control and zero-width characters
 * removed; lines trimmed; at most one empty line between paragraphs.
 */
public final class TextNormaliser {
  private TextNormaliser() {}

  public static String normalise(String text) {
    String nfc =
        Normalizer.isNormalized(text, Normalizer.Form.NFC)
            ? text
            : Normalizer.normalize(text, Normalizer.Form.NFC);
    StringBuilder b = new StringBuilder(nfc.length());
    int newlines = 0;
    boolean space = false;
    for (int i = 0; i < nfc.length(); i++) {
      char c = nfc.charAt(i);
      if (c == '\r') {
        if (i + 1 < nfc.length() && nfc.charAt(i + 1) == '\n') {
          continue;
        }
        c = '\n';
      }
      if (c == '\n' || c == '\u2028' || c == '\u2029' || c == '\f' || c == '\u000B') {
        newlines++;
        space = false;
      } else if (c == ' ' || c == '\t' || Character.isSpaceChar(c)) {
        space = true;
      } else if (Character.isISOControl(c) || isInvisible(c)) {
        continue;
      } else {
        if (b.length() > 0) {
          if (newlines > 0) {
            b.append(newlines > 1 ? "\n\n" : "\n");
          } else if (space) {
            b.append(' ');
          }
        }
        newlines = 0;
        space = false;
        b.append(c);
      }
    }
    return b.toString();
  }

  private static boolean isInvisible(char c) {
    return c == '\u200B'
        || c == '\u200C'
        || c == '\u200D'
        || c == '\u2060'
        || c == '\uFEFF'
        || c == '\u00AD';
  }
}
