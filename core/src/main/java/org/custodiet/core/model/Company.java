package org.custodiet.core.model;

import java.util.List;
import java.util.Objects;

/**
 * A supplier or a lender. {@code id} is a stable slug ("huawei", "china-exim-bank"); aliases hold
 * legal names, transliterations and misspellings seen in sources.
 */
public record Company(
    String id,
    String name,
    String headquartersIso3,
    String parentId,
    Ownership ownership,
    List<String> aliases) {

  public Company {
    Slug.require(id, "company id");
    Objects.requireNonNull(name, "name");
    if (headquartersIso3 != null) {
      Iso3.require(headquartersIso3, "headquarters_iso3");
    }
    ownership = ownership == null ? Ownership.UNKNOWN : ownership;
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
  }

  /** How a company is owned; lenders are mostly state policy banks. */
  public enum Ownership {
    PRIVATE,
    LISTED,
    STATE_OWNED,
    STATE_LENDER,
    UNKNOWN
  }
}
