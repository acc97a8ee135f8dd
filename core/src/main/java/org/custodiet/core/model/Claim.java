package org.custodiet.core.model;

import java.util.Objects;

/**
 * One statement about the world, backed by {@link Evidence}. Which fields are set depends on the
 * kind: USES needs a technology; SUPPLIES needs a supplier (technology optional); FINANCES needs a
 * lender and financing (supplier and technology optional, naming the deployment financed).
 */
public record Claim(
    String id,
    ClaimKind kind,
    String countryIso3,
    String technology,
    Supplier supplier,
    String lenderId,
    Financing financing,
    String city,
    String agency,
    Stage stage,
    Period period) {

  public Claim {
    Objects.requireNonNull(id, "claim id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("claim id is blank");
    }
    Objects.requireNonNull(kind, "claim " + id + ": kind");
    Iso3.require(countryIso3, "claim " + id + ": country");
    stage = stage == null ? Stage.UNSPECIFIED : stage;
    period = period == null ? Period.OPEN : period;
    switch (kind) {
      case USES -> {
        if (technology == null) {
          throw new IllegalArgumentException("claim " + id + ": a USES claim needs a technology");
        }
      }
      case SUPPLIES -> {
        if (supplier == null) {
          throw new IllegalArgumentException("claim " + id + ": a SUPPLIES claim needs a supplier");
        }
      }
      case FINANCES -> {
        if (lenderId == null) {
          throw new IllegalArgumentException("claim " + id + ": a FINANCES claim needs a lender");
        }
        Slug.require(lenderId, "claim " + id + ": lender");
        financing =
            financing == null ? new Financing(Financing.Instrument.UNKNOWN, null, null) : financing;
      }
    }
  }
}
