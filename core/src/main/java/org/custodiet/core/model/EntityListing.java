package org.custodiet.core.model;

import java.time.LocalDate;
import java.util.Objects;

/** A company's listing on an export-control list, such as the US BIS Entity List. */
public record EntityListing(
    String companyId,
    String list,
    String listedName,
    LocalDate listedOn,
    String reference,
    String sourceUrl) {
  public EntityListing {
    Slug.require(companyId, "listing company");
    Objects.requireNonNull(list, "list");
    Objects.requireNonNull(listedOn, "listed on");
  }
}
