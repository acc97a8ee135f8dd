package org.custodiet.core.index;

import org.custodiet.core.model.ClaimKind;
import org.custodiet.core.rules.ClaimStatus;

/**
 * Which claims to list; every field is optional (null matches all). {@code companyId} matches a
 * claim's supplier or lender; {@code supplierCountry} its supplier origin as the coding rules
 * decide it; {@code countingOnly} keeps the claims that count in figures.
 */
public record ClaimFilter(
    String countryIso3,
    String companyId,
    String technology,
    String supplierCountry,
    ClaimStatus status,
    ClaimKind kind,
    boolean countingOnly) {

  public static final ClaimFilter ALL = new ClaimFilter(null, null, null, null, null, null, false);
}
