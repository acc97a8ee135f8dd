package org.custodiet.core.model;

import java.util.Objects;

/** A country or territory keyed by its ISO 3166-1 alpha-3 code. */
public record Country(String iso3, String iso2, String name, String region, String subRegion) {
  public Country {
    Iso3.require(iso3, "iso3");
    Objects.requireNonNull(name, "name");
  }
}
