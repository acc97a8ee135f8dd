package org.custodiet.core.screening;

import java.util.Set;
import java.util.TreeSet;

/**
 * Countries, when both sides have some: a shared country adds {@link #AGREE}; none shared subtracts
 * {@link #DIFFER}, enough to drop a borderline name match below the threshold but not an exact one,
 * because front companies abroad are how listed parties trade.
 */
final class CountryFeature {
  static final double AGREE = 0.03;
  static final double DIFFER = -0.15;

  private CountryFeature() {}

  static Feature evaluate(Set<String> query, Set<String> entry) {
    if (query.isEmpty() || entry.isEmpty()) {
      return null;
    }
    Set<String> shared = new TreeSet<>(query);
    shared.retainAll(entry);
    if (shared.isEmpty()) {
      return new Feature(
          "country",
          DIFFER,
          "countries differ: query " + new TreeSet<>(query) + ", entry " + new TreeSet<>(entry));
    }
    return new Feature("country", AGREE, "country agrees: " + shared);
  }
}
