package org.custodiet.core;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.custodiet.core.model.Claim;
import org.custodiet.core.model.ClaimKind;
import org.custodiet.core.model.Company;
import org.custodiet.core.model.Country;
import org.custodiet.core.model.CuratorFlag;
import org.custodiet.core.model.Evidence;
import org.custodiet.core.model.Indicator;
import org.custodiet.core.model.IndicatorKind;
import org.custodiet.core.model.KnowledgeBase;
import org.custodiet.core.model.Period;
import org.custodiet.core.model.PublicationDate;
import org.custodiet.core.model.Source;
import org.custodiet.core.model.SourceTier;
import org.custodiet.core.model.Stage;
import org.custodiet.core.model.Supplier;
import org.custodiet.core.model.Technology;

/** A small knowledge base built in code, for rule and engine tests. */
public final class Fixtures {
  public static final LocalDate RECORDED = LocalDate.of(2026, 1, 1);

  public final List<Country> countries = new ArrayList<>();
  public final List<Company> companies = new ArrayList<>();
  public final List<Technology> technologies = new ArrayList<>();
  public final List<Source> sources = new ArrayList<>();
  public final List<Claim> claims = new ArrayList<>();
  public final List<Evidence> evidence = new ArrayList<>();
  public final List<CuratorFlag> flags = new ArrayList<>();
  public final List<Indicator> indicators = new ArrayList<>();

  public Fixtures() {
    for (String iso3 : List.of("KEN", "ECU", "CHN", "USA", "MYS", "DEU", "JPN")) {
      countries.add(new Country(iso3, iso3.substring(0, 2), "Country " + iso3, "Region", "Sub"));
    }
    for (String code : List.of("smart_city", "facial_recognition")) {
      technologies.add(new Technology(code, code.replace('_', ' '), "definition of " + code));
    }
    companies.add(
        new Company("huawei", "Huawei", "CHN", null, Company.Ownership.PRIVATE, List.of()));
    companies.add(new Company("ibm", "IBM", "USA", null, Company.Ownership.LISTED, List.of()));
    companies.add(new Company("avigilon", "Avigilon", "DEU", "motorola", null, List.of()));
    companies.add(new Company("motorola", "Motorola", "USA", null, null, List.of()));
    companies.add(
        new Company(
            "exim", "China Exim Bank", "CHN", null, Company.Ownership.STATE_LENDER, List.of()));
  }

  public static Source source(String id, SourceTier tier, String publisher, String published) {
    return new Source(
        id,
        Source.SourceType.DOCUMENT,
        "https://example.org/" + id,
        null,
        null,
        publisher,
        null,
        published == null ? null : PublicationDate.parse(published),
        tier,
        "other",
        null,
        null);
  }

  public static Source dataset(String id, String published) {
    return new Source(
        id,
        Source.SourceType.DATASET,
        null,
        "10.0000/" + id,
        id,
        "Publisher of " + id,
        null,
        PublicationDate.parse(published),
        SourceTier.A,
        "dataset",
        "CC-BY-4.0",
        null);
  }

  public Fixtures add(Source source) {
    sources.add(source);
    return this;
  }

  public Claim uses(String id, String iso3, String tech) {
    Claim c = new Claim(id, ClaimKind.USES, iso3, tech, null, null, null, null, null, null, null);
    claims.add(c);
    return c;
  }

  public Claim supplies(
      String id, String iso3, Supplier supplier, String tech, Stage stage, Period period) {
    Claim c =
        new Claim(
            id, ClaimKind.SUPPLIES, iso3, tech, supplier, null, null, null, null, stage, period);
    claims.add(c);
    return c;
  }

  public Fixtures cite(String claimId, String... sourceIds) {
    for (String s : sourceIds) {
      evidence.add(new Evidence(claimId, s, "summary", null, RECORDED));
    }
    return this;
  }

  public Fixtures indicator(
      String iso3, IndicatorKind kind, int year, String value, String source) {
    indicators.add(new Indicator(iso3, kind, year, value, source));
    return this;
  }

  public KnowledgeBase build() {
    return new KnowledgeBase(
        countries,
        companies,
        technologies,
        sources,
        claims,
        evidence,
        flags,
        indicators,
        List.of(),
        List.of());
  }
}
