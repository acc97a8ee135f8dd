package org.custodiet.core.index;

import java.util.List;

/**
 * One headline figure. {@code denominator} is set for shares. {@code countries} are the ISO3 codes
 * counted and {@code claims} the ids of the claims that put them there, so every figure can be
 * traced to its evidence.
 */
public record Figure(
    String id,
    String label,
    int value,
    Integer denominator,
    List<String> countries,
    List<String> claims) {
  public Figure {
    countries = List.copyOf(countries);
    claims = java.util.Collections.unmodifiableList(claims);
  }
}
