package org.custodiet.core.model;

/**
 * Who supplies: a named company, or only a country of origin when a source says "Chinese
 * technology" without naming a firm. Exactly one of the two is set.
 */
public record Supplier(String companyId, String originIso3) {
  public Supplier {
    if ((companyId == null) == (originIso3 == null)) {
      throw new IllegalArgumentException(
          "supplier: give either a company or a country of origin, not "
              + (companyId == null ? "neither" : "both"));
    }
    if (companyId != null) {
      Slug.require(companyId, "supplier company");
    } else {
      Iso3.require(originIso3, "supplier origin");
    }
  }

  public static Supplier company(String companyId) {
    return new Supplier(companyId, null);
  }

  public static Supplier origin(String iso3) {
    return new Supplier(null, iso3);
  }

  public boolean isNamedCompany() {
    return companyId != null;
  }

  /** The company id, or the country of origin when no company is named. */
  public String companyOrOrigin() {
    return isNamedCompany() ? companyId : originIso3;
  }
}
