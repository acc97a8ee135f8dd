package org.custodiet.web.api;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodiet.core.index.ClaimView;
import org.custodiet.core.index.CompanyProfile;
import org.custodiet.core.index.CountryProfile;
import org.custodiet.core.index.Figure;
import org.custodiet.core.index.IndexComparison;
import org.custodiet.core.index.IndexResult;
import org.custodiet.core.model.Claim;
import org.custodiet.core.model.ClaimKind;
import org.custodiet.core.model.Codes;
import org.custodiet.core.model.Company;
import org.custodiet.core.model.Country;
import org.custodiet.core.model.EntityListing;
import org.custodiet.core.model.Indicator;
import org.custodiet.core.model.IndicatorKind;
import org.custodiet.core.model.KnowledgeBase;
import org.custodiet.core.model.Source;
import org.custodiet.store.search.SearchHit;
import org.custodiet.store.search.SearchResults;

/**
 * The JSON the API answers with, as records written in snake_case. Field names follow the command
 * line's {@code --format json} output ({@code custodiet index}, {@code country}, {@code company},
 * {@code claims}); here every field is always present, null when unknown, so that each response has
 * one fixed shape (the schemas in {@code openapi.json}).
 */
final class Representations {
  private Representations() {}

  record FiguresBody(
      String asOf,
      String source,
      String rulesVersion,
      List<FigureBody> figures,
      List<InconsistencyBody> inconsistencies,
      ComparisonBody comparison) {}

  record FigureBody(
      String id,
      String label,
      int value,
      Integer denominator,
      List<String> countries,
      List<String> claims) {}

  record InconsistencyBody(String country, String source, String claim, String message) {}

  record ComparisonBody(String release, List<ChangeBody> changes) {}

  record ChangeBody(
      String id,
      String label,
      int releaseValue,
      int value,
      int delta,
      List<String> countriesAdded,
      List<String> countriesRemoved,
      List<String> claimsAdded) {}

  record CountriesBody(String asOf, String source, int total, List<CountrySummary> countries) {}

  record CountrySummary(
      String iso3,
      String iso2,
      String name,
      String region,
      String subRegion,
      String regimeType,
      Boolean briMember,
      List<String> technologiesInUse,
      int supplierCount,
      List<String> supplierCompanies,
      List<String> supplierCountries,
      int claimCount) {}

  record CountryBody(
      String iso3,
      String iso2,
      String name,
      String region,
      String subRegion,
      String asOf,
      String source,
      Map<String, IndicatorBody> indicators,
      List<String> technologiesInUse,
      List<String> supplierCompanies,
      List<String> supplierCountries,
      List<FinancingBody> financing,
      List<ClaimBody> claims) {}

  record IndicatorBody(String value, int year, String source) {}

  record FinancingBody(
      String claim,
      String lender,
      String lenderName,
      String supplierCompany,
      String technology,
      String instrument,
      BigDecimal amount,
      String currency,
      String status,
      boolean counts) {}

  record ClaimBody(
      String id,
      String kind,
      String country,
      String technology,
      String supplierCompany,
      String supplierOrigin,
      String lender,
      String instrument,
      BigDecimal amount,
      String currency,
      String city,
      String agency,
      String stage,
      String observedFrom,
      String observedTo,
      String status,
      boolean counts,
      List<EvidenceBody> evidence) {}

  record EvidenceBody(
      String source,
      String url,
      String doi,
      String publisher,
      String published,
      String tier,
      String summary,
      String locator) {}

  record CompaniesBody(String asOf, String source, int total, List<CompanySummary> companies) {}

  record CompanySummary(
      String id,
      String name,
      String headquarters,
      String ownership,
      String origin,
      List<String> aliases,
      List<String> countriesServed,
      List<String> technologies,
      boolean listed) {}

  record CompanyBody(
      String id,
      String name,
      List<String> aliases,
      String headquarters,
      String parent,
      String ownership,
      String origin,
      String asOf,
      String source,
      List<String> countriesServed,
      List<String> technologies,
      List<ListingBody> listings,
      List<ClaimBody> claims) {}

  record ListingBody(
      String list, String listedName, String listedOn, String reference, String sourceUrl) {}

  record ClaimsBody(
      String asOf, String source, int total, int offset, int limit, List<ClaimBody> claims) {}

  record SourcesBody(long total, int offset, int limit, List<SourceBody> sources) {}

  record SourceBody(
      String id,
      String type,
      String url,
      String doi,
      String title,
      String publisher,
      String publisherGroup,
      String published,
      String tier,
      String kind,
      String licence,
      String attribution,
      int evidenceCount) {}

  record SearchBody(String query, long total, List<HitBody> hits) {}

  record HitBody(
      String kind, String id, String title, String snippetHtml, String url, float score) {}

  static FiguresBody figures(
      IndexResult result, String release, List<IndexComparison.FigureChange> changes) {
    List<FigureBody> figures = new ArrayList<>();
    for (Figure f : result.figures()) {
      figures.add(
          new FigureBody(f.id(), f.label(), f.value(), f.denominator(), f.countries(), f.claims()));
    }
    ComparisonBody comparison = null;
    if (release != null) {
      comparison =
          new ComparisonBody(
              release,
              changes.stream()
                  .map(
                      c ->
                          new ChangeBody(
                              c.id(),
                              c.label(),
                              c.baseValue(),
                              c.otherValue(),
                              c.delta(),
                              c.countriesAdded(),
                              c.countriesRemoved(),
                              c.claimsAdded()))
                  .toList());
    }
    return new FiguresBody(
        result.asOf().toString(),
        result.query().sourceId(),
        result.rulesVersion(),
        figures,
        result.inconsistencies().stream()
            .map(
                i -> new InconsistencyBody(i.countryIso3(), i.sourceId(), i.claimId(), i.message()))
            .toList(),
        comparison);
  }

  static CountrySummary countrySummary(CountryProfile p) {
    Country c = p.country();
    Indicator regime = p.indicators().get(IndicatorKind.REGIME_TYPE);
    Indicator bri = p.indicators().get(IndicatorKind.BRI_MEMBER);
    return new CountrySummary(
        c.iso3(),
        c.iso2(),
        c.name(),
        c.region(),
        c.subRegion(),
        regime == null ? null : regime.value(),
        bri == null ? null : Boolean.valueOf(bri.value()),
        p.technologiesInUse(),
        p.supplierCompanies().size(),
        p.supplierCompanies(),
        p.supplierCountries(),
        p.claims().size());
  }

  static CountryBody country(CountryProfile p, KnowledgeBase kb) {
    Country c = p.country();
    Map<String, IndicatorBody> indicators = new LinkedHashMap<>();
    for (Map.Entry<IndicatorKind, Indicator> e : p.indicators().entrySet()) {
      Indicator i = e.getValue();
      indicators.put(e.getKey().code(), new IndicatorBody(i.value(), i.year(), i.sourceId()));
    }
    List<FinancingBody> financing = new ArrayList<>();
    for (ClaimView v : p.claims()) {
      Claim claim = v.claim();
      if (claim.kind() != ClaimKind.FINANCES) {
        continue;
      }
      Company lender = kb.companies().get(claim.lenderId());
      financing.add(
          new FinancingBody(
              claim.id(),
              claim.lenderId(),
              lender == null ? null : lender.name(),
              claim.supplier() == null ? null : claim.supplier().companyId(),
              claim.technology(),
              Codes.of(claim.financing().instrument()),
              claim.financing().amount(),
              claim.financing().currency(),
              v.status().code(),
              v.counts()));
    }
    return new CountryBody(
        c.iso3(),
        c.iso2(),
        c.name(),
        c.region(),
        c.subRegion(),
        p.query().asOf().toString(),
        p.query().sourceId(),
        indicators,
        p.technologiesInUse(),
        p.supplierCompanies(),
        p.supplierCountries(),
        financing,
        claims(p.claims()));
  }

  static List<ClaimBody> claims(List<ClaimView> views) {
    return views.stream().map(Representations::claim).toList();
  }

  static ClaimBody claim(ClaimView v) {
    Claim c = v.claim();
    List<EvidenceBody> evidence = new ArrayList<>();
    for (ClaimView.SourcedEvidence e : v.evidence()) {
      Source s = e.source();
      evidence.add(
          new EvidenceBody(
              s.id(),
              s.url(),
              s.doi(),
              s.publisher(),
              s.published() == null ? null : s.published().toString(),
              s.tier().name(),
              e.evidence().summary(),
              e.evidence().locator()));
    }
    return new ClaimBody(
        c.id(),
        Codes.of(c.kind()),
        c.countryIso3(),
        c.technology(),
        c.supplier() == null ? null : c.supplier().companyId(),
        c.supplier() == null ? null : c.supplier().originIso3(),
        c.lenderId(),
        c.financing() == null ? null : Codes.of(c.financing().instrument()),
        c.financing() == null ? null : c.financing().amount(),
        c.financing() == null ? null : c.financing().currency(),
        c.city(),
        c.agency(),
        Codes.of(c.stage()),
        c.period().from() == null ? null : c.period().from().toString(),
        c.period().to() == null ? null : c.period().to().toString(),
        v.status().code(),
        v.counts(),
        evidence);
  }

  static CompanySummary companySummary(CompanyProfile p) {
    Company c = p.company();
    return new CompanySummary(
        c.id(),
        c.name(),
        c.headquartersIso3(),
        Codes.of(c.ownership()),
        p.originIso3(),
        c.aliases(),
        p.countriesServed(),
        p.technologies(),
        !p.listings().isEmpty());
  }

  static CompanyBody company(CompanyProfile p) {
    Company c = p.company();
    return new CompanyBody(
        c.id(),
        c.name(),
        c.aliases(),
        c.headquartersIso3(),
        c.parentId(),
        Codes.of(c.ownership()),
        p.originIso3(),
        p.query().asOf().toString(),
        p.query().sourceId(),
        p.countriesServed(),
        p.technologies(),
        p.listings().stream().map(Representations::listing).toList(),
        claims(p.claims()));
  }

  private static ListingBody listing(EntityListing l) {
    return new ListingBody(
        l.list(), l.listedName(), l.listedOn().toString(), l.reference(), l.sourceUrl());
  }

  static SourceBody source(Source s, int evidenceCount) {
    return new SourceBody(
        s.id(),
        Codes.of(s.type()),
        s.url(),
        s.doi(),
        s.title(),
        s.publisher(),
        s.publisherGroup(),
        s.published() == null ? null : s.published().toString(),
        s.tier().name(),
        s.kind(),
        s.licence(),
        s.attribution(),
        evidenceCount);
  }

  static SearchBody search(SearchResults results) {
    return new SearchBody(
        results.query(),
        results.total(),
        results.hits().stream().map(Representations::hit).toList());
  }

  private static HitBody hit(SearchHit h) {
    return new HitBody(Codes.of(h.kind()), h.id(), h.title(), h.snippetHtml(), h.url(), h.score());
  }
}
