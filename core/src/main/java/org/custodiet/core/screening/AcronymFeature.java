package org.custodiet.core.screening;

/**
 * A one-word name that spells the initials of the other name: "ZTE" / "Zhongxing Telecommunication
 * Equipment", "IBM" / "International Business Machines". Lifts the score to {@link #SCORE}, just
 * above the default threshold: an acronym is evidence, not proof, since many names share initials.
 * Needs three to six letters; a name's legal form may give the last letters (SMIC, TSMC).
 */
final class AcronymFeature {
  static final double SCORE = 0.8;

  private AcronymFeature() {}

  /** The contribution that brings {@code scoreSoFar} up to {@link #SCORE}, or 0. */
  static double contribution(PreparedName a, PreparedName b, double scoreSoFar) {
    if (scoreSoFar >= SCORE || !(spells(a, b) || spells(b, a))) {
      return 0;
    }
    return SCORE - scoreSoFar;
  }

  static boolean spells(PreparedName acronym, PreparedName full) {
    if (acronym.tokens.length != 1 || full.tokens.length < 3) {
      return false;
    }
    String word = acronym.tokens[0];
    if (word.length() < 3 || word.length() > 6) {
      return false;
    }
    for (int i = 0; i < word.length(); i++) {
      if (!Character.isLetter(word.charAt(i))) {
        return false;
      }
    }
    String initials = full.initials();
    if (word.equals(initials)) {
      return true;
    }
    // legal forms often take part in acronyms: SMIC, TSMC
    String legal = full.legalInitials();
    return word.length() > initials.length()
        && word.startsWith(initials)
        && legal.startsWith(word.substring(initials.length()));
  }
}
