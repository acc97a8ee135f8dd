package org.custodiet.core.screening;

import java.util.List;

/**
 * A name ready to score: its tokens without legal forms, each token's weight and sound key, and the
 * legal forms that were taken off. Built once per listed name, once per query name.
 */
final class PreparedName {
  final String original;
  final boolean truncated;
  final String[] tokens;
  final double[] weights;
  final String[] phonetic;
  final List<String> legalForms;
  final List<String> legalClasses;
  final double totalWeight;

  PreparedName(
      String original,
      boolean truncated,
      List<String> tokens,
      double[] weights,
      List<String> legalForms,
      List<String> legalClasses) {
    this.original = original;
    this.truncated = truncated;
    this.tokens = tokens.toArray(String[]::new);
    this.weights = weights;
    this.phonetic = new String[this.tokens.length];
    double total = 0;
    for (int i = 0; i < this.tokens.length; i++) {
      phonetic[i] = PhoneticKey.of(this.tokens[i]);
      total += weights[i];
    }
    this.legalForms = List.copyOf(legalForms);
    this.legalClasses = List.copyOf(legalClasses);
    this.totalWeight = total;
  }

  boolean isEmpty() {
    return tokens.length == 0;
  }

  /** First letters of the tokens, for acronyms: "zhongxing telecommunication equipment" = zte. */
  String initials() {
    if (initials == null) {
      initials = computeInitials();
    }
    return initials;
  }

  private String initials;

  private String computeInitials() {
    StringBuilder out = new StringBuilder(tokens.length);
    for (String token : tokens) {
      if (!Character.isDigit(token.charAt(0))) {
        out.append(token.charAt(0));
      }
    }
    return out.toString();
  }

  /** First letters of the words of the legal forms taken off: "co ltd" gives "cl". */
  String legalInitials() {
    StringBuilder out = new StringBuilder();
    for (String form : legalForms) {
      for (String word : form.split(" ")) {
        out.append(word.charAt(0));
      }
    }
    return out.toString();
  }
}
