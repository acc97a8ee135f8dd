package org.custodiet.core.index;

import java.util.List;
import org.custodiet.core.model.Company;
import org.custodiet.core.model.EntityListing;

/** One company as of a date: where it counts as a supplier or lender, and the claims behind it. */
public record CompanyProfile(
    Company company,
    String originIso3,
    IndexQuery query,
    List<String> countriesServed,
    List<String> technologies,
    List<EntityListing> listings,
    List<ClaimView> claims) {}
