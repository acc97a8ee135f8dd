package org.custodiet.core.screening;

/**
 * Two persons sharing one name part are not the same person: when names of persons agree on fewer
 * than two parts while either has two or more, the score is held at {@link #CAP}, below the default
 * threshold ("Smith" / "John Smith", "Wang Wei" / "Wang Fang"). Initials count as half an agreement
 * ("J. Smith" / "John Smith" agrees on 1.5 parts).
 */
final class PersonNameFeature {
  static final double CAP = 0.6;

  /** Particles such as "bin", "al", "van" are not name parts of their own. */
  private static final double MEANINGFUL_PRIOR = 0.3;

  private PersonNameFeature() {}

  /** The (negative or zero) contribution that holds the score at {@link #CAP}. */
  static double contribution(
      TokenAlignment alignment, PreparedName a, PreparedName b, double scoreSoFar) {
    if (Math.max(a.tokens.length, b.tokens.length) < 2 || scoreSoFar <= CAP) {
      return 0;
    }
    double agreed = 0;
    for (TokenAlignment.Pair pair : alignment.pairs) {
      if (TokenWeights.prior(b.tokens[pair.cFrom()]) < MEANINGFUL_PRIOR) {
        continue;
      }
      if (pair.kind() == TokenAlignment.Kind.INITIAL) {
        agreed += 0.5;
      } else {
        // "Xi Jinping" / "习近平" (xijinping) agrees on two parts through one joined token
        agreed += Math.max(pair.qTo() - pair.qFrom(), pair.cTo() - pair.cFrom());
      }
    }
    return agreed >= 1.5 ? 0 : CAP - scoreSoFar;
  }
}
