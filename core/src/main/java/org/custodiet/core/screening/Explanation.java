package org.custodiet.core.screening;

import java.util.List;

/**
 * Why a query name met a listed name.
 *
 * @param queryName the query name as given (capped, see {@link Matcher#MAX_NAME_CHARS})
 * @param matchedName the listed name (primary name or alias) that scored best
 * @param agreedTokens normalised tokens found on both sides ("a" or "a~b" for fuzzy agreement)
 * @param differingTokens normalised tokens found on one side only
 * @param features the score's parts; their contributions add up to the score
 */
public record Explanation(
    String queryName,
    String matchedName,
    List<String> agreedTokens,
    List<String> differingTokens,
    List<Feature> features) {
  public Explanation {
    agreedTokens = List.copyOf(agreedTokens);
    differingTokens = List.copyOf(differingTokens);
    features = List.copyOf(features);
  }
}
