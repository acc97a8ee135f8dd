package org.custodiet.core.index;

import static org.custodiet.core.index.CompiledKnowledgeBase.NONE;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.custodiet.core.model.ClaimKind;
import org.custodiet.core.model.Company;
import org.custodiet.core.model.Indicator;
import org.custodiet.core.model.IndicatorKind;
import org.custodiet.core.rules.ClaimStatus;
import org.custodiet.core.rules.CodingRules;

/** Country and company profiles, built from the same rules as the figures. */
public final class Profiles {
  private final IndexEngine engine;
  private final CompiledKnowledgeBase ckb;

  public Profiles(IndexEngine engine) {
    this.engine = engine;
    this.ckb = engine.compiled();
  }

  public CountryProfile country(String iso3, IndexQuery query) {
    Integer idx = ckb.countryIndex.get(iso3);
    if (idx == null) {
      throw new IllegalArgumentException("unknown country '" + iso3 + "'");
    }
    Map<IndicatorKind, Indicator> indicators = new EnumMap<>(IndicatorKind.class);
    for (IndicatorKind kind : IndicatorKind.values()) {
      Indicator value = ckb.indicator(kind, idx, query.asOf().getYear(), query.sourceId());
      if (value != null) {
        indicators.put(kind, value);
      }
    }
    TreeSet<String> technologies = new TreeSet<>();
    TreeSet<String> companies = new TreeSet<>();
    TreeSet<String> origins = new TreeSet<>();
    List<ClaimView> views = new ArrayList<>();
    for (int i = ckb.byCountryStart[idx]; i < ckb.byCountryStart[idx + 1]; i++) {
      int c = ckb.byCountry[i];
      ClaimView view = view(c, query);
      if (view.status() == ClaimStatus.NOT_YET_REPORTED) {
        continue;
      }
      views.add(view);
      if (view.counts() && ckb.kind[c] != ClaimKind.FINANCES.ordinal()) {
        if (ckb.tech[c] != NONE) {
          technologies.add(ckb.techCodes[ckb.tech[c]]);
        }
        if (ckb.company[c] != NONE) {
          companies.add(ckb.companyIds[ckb.company[c]]);
        }
        if (ckb.origin[c] != NONE) {
          origins.add(ckb.countryCodes[ckb.origin[c]]);
        }
      }
    }
    return new CountryProfile(
        ckb.kb.countries().get(iso3),
        query,
        indicators,
        List.copyOf(technologies),
        List.copyOf(companies),
        List.copyOf(origins),
        views);
  }

  public CompanyProfile company(String companyId, IndexQuery query) {
    Integer idx = ckb.companyIndex.get(companyId);
    if (idx == null) {
      throw new IllegalArgumentException("unknown company '" + companyId + "'");
    }
    TreeSet<String> served = new TreeSet<>();
    TreeSet<String> technologies = new TreeSet<>();
    List<ClaimView> views = new ArrayList<>();
    for (int i = ckb.byCompanyStart[idx]; i < ckb.byCompanyStart[idx + 1]; i++) {
      int c = ckb.byCompany[i];
      ClaimView view = view(c, query);
      if (view.status() == ClaimStatus.NOT_YET_REPORTED) {
        continue;
      }
      views.add(view);
      if (view.counts()) {
        served.add(ckb.countryCodes[ckb.country[c]]);
        if (ckb.tech[c] != NONE) {
          technologies.add(ckb.techCodes[ckb.tech[c]]);
        }
      }
    }
    Company company = ckb.kb.companies().get(companyId);
    return new CompanyProfile(
        company,
        CodingRules.companyOrigin(companyId, ckb.kb.companies()),
        query,
        List.copyOf(served),
        List.copyOf(technologies),
        ckb.kb.listings().stream().filter(l -> l.companyId().equals(companyId)).toList(),
        views);
  }

  /** One claim as the rules see it for the query, with the evidence the query admits. */
  public ClaimView claim(String claimId, IndexQuery query) {
    Integer c = ckb.claimIndex.get(claimId);
    if (c == null) {
      throw new IllegalArgumentException("unknown claim '" + claimId + "'");
    }
    return view(c, query);
  }

  ClaimView view(int c, IndexQuery query) {
    ClaimStatus status =
        engine.status(c, query.asOf().toEpochDay(), engine.sourceFilter(query), new int[64]);
    boolean counts = CodingRules.counts(ckb.claims[c], status, query.asOf());
    List<ClaimView.SourcedEvidence> evidence = new ArrayList<>();
    for (int e = ckb.evStart[c]; e < ckb.evStart[c + 1]; e++) {
      if (query.sourceId() == null || ckb.sourceIds[ckb.evSource[e]].equals(query.sourceId())) {
        evidence.add(
            new ClaimView.SourcedEvidence(
                ckb.evidence[e], ckb.kb.sources().get(ckb.sourceIds[ckb.evSource[e]])));
      }
    }
    return new ClaimView(ckb.claims[c], status, counts, evidence);
  }
}
