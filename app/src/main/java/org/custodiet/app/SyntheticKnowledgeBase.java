package org.custodiet.app;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
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

/**
 * A reproducible knowledge base of any size for benchmarks: real-looking proportions of claim
 * kinds, tiers, publishers, periods and flags, drawn from a seeded generator.
 */
final class SyntheticKnowledgeBase {
  private SyntheticKnowledgeBase() {}

  static KnowledgeBase generate(int claimCount, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Country> countries = new ArrayList<>();
    for (int i = 0; i < 250; i++) {
      String iso3 = code(i);
      countries.add(new Country(iso3, iso3.substring(0, 2), "Country " + iso3, "Region", null));
    }
    List<Technology> technologies = new ArrayList<>();
    for (String t :
        List.of(
            "smart_city", "facial_recognition", "smart_policing", "social_media_surveillance")) {
      technologies.add(new Technology(t, t.replace('_', ' '), "synthetic"));
    }
    List<Company> companies = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      companies.add(
          new Company(
              "company-" + i,
              "Company " + i,
              code(random.nextInt(250)),
              i > 10 && random.nextInt(10) == 0 ? "company-" + random.nextInt(10) : null,
              Company.Ownership.PRIVATE,
              List.of()));
    }
    List<Source> sources = new ArrayList<>();
    SourceTier[] tiers = SourceTier.values();
    for (int i = 0; i < 5000; i++) {
      SourceTier tier = i < 3 ? SourceTier.A : tiers[1 + random.nextInt(2)];
      sources.add(
          new Source(
              "source-" + i,
              i < 3 ? Source.SourceType.DATASET : Source.SourceType.DOCUMENT,
              "https://news.example/" + i,
              null,
              null,
              "Publisher " + random.nextInt(400),
              null,
              PublicationDate.parse(Integer.toString(2015 + random.nextInt(11))),
              tier,
              tier == SourceTier.A ? "dataset" : "other",
              null,
              null));
    }
    List<Claim> claims = new ArrayList<>(claimCount);
    List<Evidence> evidence = new ArrayList<>(claimCount * 2);
    List<CuratorFlag> flags = new ArrayList<>();
    LocalDate recorded = LocalDate.of(2026, 1, 1);
    for (int i = 0; i < claimCount; i++) {
      String id = "claim-" + i;
      String country = code(random.nextInt(250));
      String tech = technologies.get(random.nextInt(4)).code();
      int k = random.nextInt(10);
      Period period =
          random.nextInt(20) == 0
              ? new Period(LocalDate.of(2016 + random.nextInt(5), 1, 1), LocalDate.of(2022, 12, 31))
              : Period.OPEN;
      Stage stage = Stage.values()[random.nextInt(4)];
      Claim claim =
          k < 3
              ? new Claim(
                  id, ClaimKind.USES, country, tech, null, null, null, null, null, stage, period)
              : k < 9
                  ? new Claim(
                      id,
                      ClaimKind.SUPPLIES,
                      country,
                      random.nextBoolean() ? tech : null,
                      random.nextInt(5) == 0
                          ? Supplier.origin(code(random.nextInt(250)))
                          : Supplier.company("company-" + random.nextInt(500)),
                      null,
                      null,
                      null,
                      null,
                      stage,
                      period)
                  : new Claim(
                      id,
                      ClaimKind.FINANCES,
                      country,
                      null,
                      null,
                      "company-" + random.nextInt(20),
                      null,
                      null,
                      null,
                      stage,
                      period);
      claims.add(claim);
      int pieces = 1 + random.nextInt(3);
      for (int e = 0; e < pieces; e++) {
        int source = random.nextInt(50) == 0 ? random.nextInt(3) : 3 + random.nextInt(4997);
        evidence.add(new Evidence(id, "source-" + source, null, null, recorded));
      }
      if (random.nextInt(100) == 0) {
        flags.add(
            new CuratorFlag(
                id,
                random.nextBoolean() ? CuratorFlag.Kind.DISPUTED : CuratorFlag.Kind.RETRACTED,
                LocalDate.of(2020 + random.nextInt(6), 1, 1),
                "synthetic"));
      }
    }
    List<Indicator> indicators = new ArrayList<>();
    String[] regimes = {"CA", "EA", "ED", "LD"};
    for (int i = 0; i < 250; i++) {
      indicators.add(
          new Indicator(code(i), IndicatorKind.REGIME_TYPE, 2021, regimes[i % 4], "source-0"));
      indicators.add(
          new Indicator(
              code(i), IndicatorKind.BRI_MEMBER, 2022, Boolean.toString(i % 3 == 0), "source-0"));
    }
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

  /** A three-letter code for country number i ("AAA", "AAB", ...). */
  private static String code(int i) {
    return "" + (char) ('A' + i / 676) + (char) ('A' + i / 26 % 26) + (char) ('A' + i % 26);
  }
}
