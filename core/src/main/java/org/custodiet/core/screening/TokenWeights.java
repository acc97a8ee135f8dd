package org.custodiet.core.screening;

import java.util.HashMap;
import java.util.Map;

/**
 * How much agreeing on a token says: rare tokens weigh up to 1, common ones little.
 *
 * <p>weight = prior x (1 - trust + trust x idf), where prior comes from generic-tokens.tsv (1 for
 * words not listed), idf = ln((N + 1) / (df + 1)) / ln(N + 1) clamped to [0.1, 1] over the N names
 * of the list, and trust = N / (N + 2000): a list of a few hundred names says little about which
 * words are common, a list of 100,000 says a lot. Numbers and single letters weigh less by nature.
 */
final class TokenWeights {
  private static final Map<String, Double> PRIORS = loadPriors();
  private static final double TRUST_HALF = 2000;

  private final Map<String, Integer> documentFrequency;
  private final int names;
  private final double trust;
  private final double logNames;

  TokenWeights(Map<String, Integer> documentFrequency, int names) {
    this.documentFrequency = documentFrequency;
    this.names = names;
    this.trust = names / (names + TRUST_HALF);
    this.logNames = Math.log(names + 1.0);
  }

  private static Map<String, Double> loadPriors() {
    Map<String, Double> priors = new HashMap<>();
    for (String[] row : Resources.rows("generic-tokens.tsv", 2)) {
      priors.put(row[0], Double.parseDouble(row[1]));
    }
    return Map.copyOf(priors);
  }

  static double prior(String token) {
    Double listed = PRIORS.get(token);
    if (listed != null) {
      return listed;
    }
    if (token.length() == 1) {
      return 0.3;
    }
    for (int i = 0; i < token.length(); i++) {
      if (!Character.isDigit(token.charAt(i))) {
        return 1.0;
      }
    }
    return 0.5;
  }

  double weight(String token) {
    double prior = prior(token);
    if (names < 2) {
      return prior;
    }
    int df = documentFrequency.getOrDefault(token, 0);
    double idf = Math.log((names + 1.0) / (df + 1.0)) / logNames;
    idf = Math.max(0.1, Math.min(1.0, idf));
    return prior * (1 - trust + trust * idf);
  }

  int documentFrequency(String token) {
    return documentFrequency.getOrDefault(token, 0);
  }
}
