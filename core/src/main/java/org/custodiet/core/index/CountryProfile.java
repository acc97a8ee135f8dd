package org.custodiet.core.index;

import java.util.List;
import java.util.Map;
import org.custodiet.core.model.Country;
import org.custodiet.core.model.Indicator;
import org.custodiet.core.model.IndicatorKind;

/**
 * Everything the index knows about one country as of a date: indicators, the technologies and
 * suppliers that count, and every claim with its status and evidence.
 */
public record CountryProfile(
    Country country,
    IndexQuery query,
    Map<IndicatorKind, Indicator> indicators,
    List<String> technologiesInUse,
    List<String> supplierCompanies,
    List<String> supplierCountries,
    List<ClaimView> claims) {}
