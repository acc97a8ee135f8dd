package org.custodiet.core.model;

import java.util.Objects;

/**
 * A dated country indicator (regime type, Belt and Road membership, ...) and where it comes from.
 */
public record Indicator(
    String countryIso3, IndicatorKind kind, int year, String value, String sourceId) {
  public Indicator {
    Iso3.require(countryIso3, "indicator country");
    Objects.requireNonNull(kind, "indicator kind");
    Objects.requireNonNull(value, "indicator value");
    Objects.requireNonNull(sourceId, "indicator source");
    kind.validate(value);
  }
}
