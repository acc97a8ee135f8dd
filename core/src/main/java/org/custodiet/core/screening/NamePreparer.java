package org.custodiet.core.screening;

import java.util.List;

/** Normalises a name, takes its legal forms off and weighs its tokens against one list. */
final class NamePreparer {
  /** Weight factor for the tokens of a name made only of legal forms ("Co., Ltd."). */
  static final double LEGAL_ONLY_FACTOR = 0.1;

  private final NameNormaliser normaliser;
  private final LegalForms legalForms;
  private final TokenWeights weights;

  NamePreparer(NameNormaliser normaliser, LegalForms legalForms, TokenWeights weights) {
    this.normaliser = normaliser;
    this.legalForms = legalForms;
    this.weights = weights;
  }

  /** Persons keep every token: "Ao" and "Sa" are surnames as well as legal forms. */
  PreparedName prepare(String name, boolean person) {
    return prepare(normaliser.normalise(name), person);
  }

  PreparedName prepare(NameNormaliser.Normalised normalised, boolean person) {
    List<String> tokens = normalised.tokens();
    LegalForms.Stripped stripped =
        person ? new LegalForms.Stripped(tokens, List.of(), List.of()) : legalForms.strip(tokens);
    boolean onlyLegal = !person && legalForms.onlyLegalForms(stripped.tokens());
    double[] tokenWeights = new double[stripped.tokens().size()];
    for (int i = 0; i < tokenWeights.length; i++) {
      double weight = weights.weight(stripped.tokens().get(i));
      tokenWeights[i] = onlyLegal ? weight * LEGAL_ONLY_FACTOR : weight;
    }
    return new PreparedName(
        normalised.original(),
        normalised.truncated(),
        stripped.tokens(),
        tokenWeights,
        stripped.forms(),
        stripped.classes());
  }

  NameNormaliser normaliser() {
    return normaliser;
  }

  TokenWeights weights() {
    return weights;
  }
}
