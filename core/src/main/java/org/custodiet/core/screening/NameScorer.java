package org.custodiet.core.screening;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Combines the features into one score in [0, 1].
 *
 * <p>The token score: with W_q, W_c the summed token weights of the two names and M_q, M_c the
 * weights of their agreeing tokens, each multiplied by its pair's similarity,
 *
 * <pre>
 *   overlap  = (M_q + M_c) / (W_q + W_c)                       both names fully explained
 *   coverage = max(M_q / W_q, M_c / W_c) x min(1, M / 0.8)      one name inside the other
 *   token score = 0.5 x overlap + 0.5 x coverage
 * </pre>
 *
 * where M is the agreeing weight on the covered side, so that sharing only generic words
 * ("technology", "china") never counts as containment; for organisations the coverage is further
 * multiplied by 1 minus the share of the other name's weight in distinctive words left over (see
 * {@link #distinctiveLeftOver}). The token score is split among the pair kinds (exact, compound,
 * edit distance, phonetic, initials) in proportion to what each pair added. Then acronym, legal
 * form, numbers, person-name and country features add or subtract, and the sum is clamped to [0,
 * 1]. Every part is a feature of the explanation, and the contributions add up to the score.
 * Deterministic: the same names give the same score.
 */
final class NameScorer {
  static final double OVERLAP_SHARE = 0.5;
  static final double FULL_MASS = 0.8;
  static final double DISTINCTIVE_PRIOR = 0.5;

  private NameScorer() {}

  /** A score and, when asked for, its explanation. */
  record Result(double score, Explanation explanation) {}

  static Result score(
      PreparedName query,
      PreparedName candidate,
      boolean person,
      Feature country,
      boolean explain) {
    if (query.isEmpty() || candidate.isEmpty()) {
      double score = 0;
      return new Result(
          score,
          explain
              ? new Explanation(
                  query.original,
                  candidate.original,
                  List.of(),
                  List.of(),
                  List.of(new Feature("token_overlap", 0, "a name has no letters or digits")))
              : null);
    }
    TokenAlignment alignment = TokenAlignment.align(query, candidate, person);
    double matchedQuery = 0;
    double matchedCandidate = 0;
    double[] pairQuery = new double[alignment.pairs.size()];
    double[] pairCandidate = new double[alignment.pairs.size()];
    for (int p = 0; p < alignment.pairs.size(); p++) {
      TokenAlignment.Pair pair = alignment.pairs.get(p);
      for (int i = pair.qFrom(); i < pair.qTo(); i++) {
        pairQuery[p] += pair.similarity() * query.weights[i];
      }
      for (int j = pair.cFrom(); j < pair.cTo(); j++) {
        pairCandidate[p] += pair.similarity() * candidate.weights[j];
      }
      matchedQuery += pairQuery[p];
      matchedCandidate += pairCandidate[p];
    }
    double totalQuery = Math.max(query.totalWeight, 1e-9);
    double totalCandidate = Math.max(candidate.totalWeight, 1e-9);
    double overlapDenominator = totalQuery + totalCandidate;
    boolean queryCovered = matchedQuery / totalQuery >= matchedCandidate / totalCandidate;
    double coveredMass = queryCovered ? matchedQuery : matchedCandidate;
    double coveredTotal = queryCovered ? totalQuery : totalCandidate;
    double confidence = Math.min(1, coveredMass / FULL_MASS);
    if (!person) {
      confidence *=
          1 - distinctiveLeftOver(alignment, queryCovered ? candidate : query, !queryCovered);
    }

    Map<TokenAlignment.Kind, Double> byKind =
        explain ? new EnumMap<>(TokenAlignment.Kind.class) : null;
    double tokenScore = 0;
    for (int p = 0; p < alignment.pairs.size(); p++) {
      double overlapPart = OVERLAP_SHARE * (pairQuery[p] + pairCandidate[p]) / overlapDenominator;
      double coveragePart =
          (1 - OVERLAP_SHARE)
              * confidence
              * (queryCovered ? pairQuery[p] : pairCandidate[p])
              / coveredTotal;
      double part = overlapPart + coveragePart;
      tokenScore += part;
      if (explain) {
        byKind.merge(alignment.pairs.get(p).kind(), part, Double::sum);
      }
    }

    double acronym = AcronymFeature.contribution(query, candidate, tokenScore);
    double legal = person ? 0 : LegalFormFeature.contribution(query, candidate);
    double numbers = NumberFeature.contribution(query, candidate);
    double countryPart = country == null ? 0 : country.contribution();
    double sum = tokenScore + acronym + legal + numbers;
    double personCap =
        person ? PersonNameFeature.contribution(alignment, query, candidate, sum) : 0;
    sum += personCap + countryPart;
    double score = Math.max(0, Math.min(1, sum));
    if (!explain) {
      return new Result(score, null);
    }

    List<Feature> features = new ArrayList<>();
    for (Map.Entry<TokenAlignment.Kind, Double> kind : byKind.entrySet()) {
      features.add(
          new Feature(
              featureName(kind.getKey()),
              kind.getValue(),
              describe(kind.getKey(), alignment, query, candidate)));
    }
    if (alignment.pairs.isEmpty()) {
      features.add(new Feature("token_overlap", 0, "no token agrees"));
    }
    if (acronym != 0) {
      features.add(new Feature("acronym", acronym, "one name spells the other's initials"));
    }
    if (legal != 0) {
      features.add(
          new Feature(
              "legal_form",
              legal,
              (legal > 0 ? "same legal form: " : "different legal forms: ")
                  + query.legalForms
                  + " / "
                  + candidate.legalForms));
    }
    if (numbers != 0) {
      features.add(
          new Feature(
              "numbers",
              numbers,
              "numbers differ: "
                  + NumberFeature.numbers(query)
                  + " / "
                  + NumberFeature.numbers(candidate)));
    }
    if (personCap != 0) {
      features.add(
          new Feature(
              "person_name",
              personCap,
              "persons agreeing on fewer than two name parts are held at "
                  + PersonNameFeature.CAP));
    }
    if (country != null) {
      features.add(country);
    }
    if (score != sum) {
      features.add(new Feature("clamp", score - sum, "scores stay within [0, 1]"));
    }
    if (query.truncated || candidate.truncated) {
      features.add(
          new Feature(
              "input",
              0,
              "a name longer than " + NameNormaliser.MAX_NAME_CHARS + " characters was cut"));
    }
    return new Result(score, explanation(alignment, query, candidate, features));
  }

  /**
   * The share of a name's weight in distinctive words the other name lacks. "Dahua Securities" does
   * not contain "Dahua Technology" the way "Hangzhou Hikvision Digital Technology" contains
   * "Hikvision": what is left over there is a place and generic words.
   */
  static double distinctiveLeftOver(TokenAlignment alignment, PreparedName name, boolean isQuery) {
    boolean[] matched = isQuery ? alignment.queryMatched : alignment.candidateMatched;
    double leftOver = 0;
    for (int i = 0; i < name.tokens.length; i++) {
      if (!matched[i] && TokenWeights.prior(name.tokens[i]) >= DISTINCTIVE_PRIOR) {
        leftOver += name.weights[i];
      }
    }
    return leftOver / Math.max(name.totalWeight, 1e-9);
  }

  private static String featureName(TokenAlignment.Kind kind) {
    return switch (kind) {
      case EXACT -> "token_overlap";
      case COMPOUND -> "compound_word";
      case EDIT -> "edit_distance";
      case PHONETIC -> "phonetic";
      case PREFIX -> "abbreviation";
      case INITIAL -> "initials";
    };
  }

  private static String describe(
      TokenAlignment.Kind kind,
      TokenAlignment alignment,
      PreparedName query,
      PreparedName candidate) {
    List<String> parts = new ArrayList<>();
    for (TokenAlignment.Pair pair : alignment.pairs) {
      if (pair.kind() == kind) {
        parts.add(
            pairText(pair, query, candidate)
                + String.format(Locale.ROOT, " (weight %.2f)", query.weights[pair.qFrom()]));
      }
    }
    return String.join(", ", parts);
  }

  private static String pairText(
      TokenAlignment.Pair pair, PreparedName query, PreparedName candidate) {
    String q =
        String.join("+", java.util.Arrays.copyOfRange(query.tokens, pair.qFrom(), pair.qTo()));
    String c =
        String.join("+", java.util.Arrays.copyOfRange(candidate.tokens, pair.cFrom(), pair.cTo()));
    return q.equals(c) ? q : q + "~" + c;
  }

  private static Explanation explanation(
      TokenAlignment alignment,
      PreparedName query,
      PreparedName candidate,
      List<Feature> features) {
    List<String> agreed = new ArrayList<>();
    for (TokenAlignment.Pair pair : alignment.pairs) {
      agreed.add(pairText(pair, query, candidate));
    }
    List<String> differing = new ArrayList<>();
    for (int i = 0; i < query.tokens.length; i++) {
      if (!alignment.queryMatched[i]) {
        differing.add(query.tokens[i]);
      }
    }
    for (int j = 0; j < candidate.tokens.length; j++) {
      if (!alignment.candidateMatched[j]) {
        differing.add(candidate.tokens[j]);
      }
    }
    return new Explanation(query.original, candidate.original, agreed, differing, features);
  }
}
