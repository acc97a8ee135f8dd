package org.custodiet.core.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.custodiet.core.Fixtures.dataset;
import static org.custodiet.core.Fixtures.source;

import java.time.LocalDate;
import java.util.List;
import org.custodiet.core.Fixtures;
import org.custodiet.core.model.CuratorFlag;
import org.custodiet.core.model.IndicatorKind;
import org.custodiet.core.model.Period;
import org.custodiet.core.model.SourceTier;
import org.custodiet.core.model.Stage;
import org.custodiet.core.model.Supplier;
import org.custodiet.core.rules.ClaimStatus;
import org.junit.jupiter.api.Test;

class IndexEngineTest {
  private static final LocalDate NOW = LocalDate.of(2026, 6, 1);

  /** Two countries from a dataset, one more corroborated by news, one only reported. */
  private Fixtures world() {
    Fixtures f = new Fixtures();
    f.add(dataset("ds", "2022-03-09"));
    f.add(source("reuters", SourceTier.B, "Reuters", "2023-05-01"));
    f.add(source("bbc", SourceTier.B, "BBC", "2023-06-01"));
    f.add(source("blog", SourceTier.C, "A Blog", "2023-06-01"));
    f.uses("ken-sc", "KEN", "smart_city");
    f.uses("ken-fr", "KEN", "facial_recognition");
    f.supplies("ken-huawei", "KEN", Supplier.company("huawei"), null, null, null);
    f.supplies("ken-chn", "KEN", Supplier.origin("CHN"), null, null, null);
    f.uses("mys-fr", "MYS", "facial_recognition");
    f.supplies("mys-chn", "MYS", Supplier.origin("CHN"), null, null, null);
    f.supplies("mys-ibm", "MYS", Supplier.company("ibm"), null, null, null);
    f.cite("ken-sc", "ds").cite("ken-fr", "ds").cite("ken-huawei", "ds").cite("ken-chn", "ds");
    f.cite("mys-fr", "ds").cite("mys-chn", "ds").cite("mys-ibm", "ds");
    f.supplies("ecu-huawei", "ECU", Supplier.company("huawei"), "smart_city", Stage.DEPLOYED, null);
    f.cite("ecu-huawei", "reuters", "bbc");
    f.supplies(
        "deu-avigilon",
        "DEU",
        Supplier.company("avigilon"),
        "facial_recognition",
        Stage.CONTRACTED,
        null);
    f.cite("deu-avigilon", "blog");
    f.indicator("KEN", IndicatorKind.REGIME_TYPE, 2021, "EA", "ds")
        .indicator("MYS", IndicatorKind.REGIME_TYPE, 2021, "EA", "ds")
        .indicator("ECU", IndicatorKind.REGIME_TYPE, 2021, "ED", "ds")
        .indicator("DEU", IndicatorKind.REGIME_TYPE, 2021, "LD", "ds")
        .indicator("CHN", IndicatorKind.REGIME_TYPE, 2021, "CA", "ds")
        .indicator("KEN", IndicatorKind.BRI_MEMBER, 2022, "true", "ds")
        .indicator("MYS", IndicatorKind.BRI_MEMBER, 2022, "false", "ds");
    return f;
  }

  @Test
  void livingIndexCountsEstablishedClaimsAndNamesThem() {
    IndexResult r = new IndexEngine(world().build()).compute(IndexQuery.living(NOW));
    Figure any = r.figure("countries.any").orElseThrow();
    assertThat(any.countries()).containsExactly("ECU", "KEN", "MYS");
    assertThat(any.claims()).contains("ken-sc", "ecu-huawei").doesNotContain("deu-avigilon");
    assertThat(r.value("countries.technology.smart_city")).isEqualTo(2);
    assertThat(r.value("countries.technology.facial_recognition")).isEqualTo(2);
    assertThat(r.figure("countries.company.huawei").orElseThrow().countries())
        .containsExactly("ECU", "KEN");
    assertThat(r.figure("countries.company.huawei").orElseThrow().claims())
        .containsExactly("ken-huawei", "ecu-huawei");
  }

  @Test
  void supplierCountryCountsOriginFlagsAndCompanyHeadquarters() {
    IndexResult r = new IndexEngine(world().build()).compute(IndexQuery.living(NOW));
    assertThat(r.figure("countries.supplier_country.CHN").orElseThrow().countries())
        .containsExactly("ECU", "KEN", "MYS");
    assertThat(r.figure("countries.supplier_country.USA").orElseThrow().countries())
        .containsExactly("MYS");
  }

  @Test
  void reportsACompanyWhoseCountryTheDatasetDoesNotFlag() {
    IndexResult r = new IndexEngine(world().build()).compute(IndexQuery.singleSource(NOW, "ds"));
    assertThat(r.inconsistencies())
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.countryIso3()).isEqualTo("MYS");
              assertThat(i.claimId()).isEqualTo("mys-ibm");
              assertThat(i.message()).contains("IBM").contains("USA");
            });
  }

  @Test
  void beltAndRoadShareOfChinaSuppliedCountries() {
    IndexResult r = new IndexEngine(world().build()).compute(IndexQuery.singleSource(NOW, "ds"));
    Figure bri = r.figure("countries.supplier_country.CHN.bri").orElseThrow();
    assertThat(bri.value()).isEqualTo(1);
    assertThat(bri.denominator()).isEqualTo(2);
    assertThat(bri.countries()).containsExactly("KEN");
  }

  @Test
  void regimeFiguresCarryTheirDenominator() {
    IndexResult r = new IndexEngine(world().build()).compute(IndexQuery.living(NOW));
    Figure ea = r.figure("countries.regime.EA").orElseThrow();
    assertThat(ea.value()).isEqualTo(2);
    assertThat(ea.denominator()).isEqualTo(2);
    Figure ld = r.figure("countries.regime.LD").orElseThrow();
    assertThat(ld.value()).isZero();
    assertThat(ld.denominator()).isEqualTo(1);
    assertThat(r.figure("countries.regime.CA").orElseThrow().denominator()).isEqualTo(1);
  }

  @Test
  void singleSourceModeSeesOnlyThatSource() {
    IndexResult r = new IndexEngine(world().build()).compute(IndexQuery.singleSource(NOW, "ds"));
    assertThat(r.figure("countries.any").orElseThrow().countries()).containsExactly("KEN", "MYS");
  }

  @Test
  void asOfBeforeTheNewsLeavesOnlyTheDataset() {
    IndexResult r =
        new IndexEngine(world().build()).compute(IndexQuery.living(LocalDate.of(2023, 5, 15)));
    assertThat(r.figure("countries.any").orElseThrow().countries()).containsExactly("KEN", "MYS");
    IndexResult before =
        new IndexEngine(world().build()).compute(IndexQuery.living(LocalDate.of(2022, 1, 1)));
    assertThat(before.value("countries.any")).isZero();
  }

  @Test
  void retractionRemovesAClaimFromTheLivingIndexButNotFromTheRelease() {
    Fixtures f = world();
    f.flags.add(
        new CuratorFlag(
            "ken-huawei", CuratorFlag.Kind.RETRACTED, LocalDate.of(2025, 1, 1), "wrong"));
    IndexEngine engine = new IndexEngine(f.build());
    assertThat(
            engine
                .compute(IndexQuery.living(NOW))
                .figure("countries.company.huawei")
                .orElseThrow()
                .countries())
        .containsExactly("ECU");
    assertThat(
            engine
                .compute(IndexQuery.living(LocalDate.of(2024, 12, 31)))
                .value("countries.company.huawei"))
        .isEqualTo(2);
    assertThat(engine.compute(IndexQuery.singleSource(NOW, "ds")).value("countries.company.huawei"))
        .isEqualTo(1);
    assertThat(engine.status("ken-huawei", IndexQuery.living(NOW)))
        .isEqualTo(ClaimStatus.RETRACTED);
  }

  @Test
  void trialsAndEndedDeploymentsDoNotCount() {
    Fixtures f = world();
    f.supplies(
        "jpn-trial", "JPN", Supplier.company("ibm"), "facial_recognition", Stage.TRIAL, null);
    f.supplies(
        "deu-ended",
        "DEU",
        Supplier.company("huawei"),
        "smart_city",
        Stage.DEPLOYED,
        new Period(null, LocalDate.of(2024, 12, 31)));
    f.add(source("gov", SourceTier.A, "Government", "2020"));
    f.cite("jpn-trial", "gov").cite("deu-ended", "gov");
    IndexEngine engine = new IndexEngine(f.build());
    assertThat(
            engine
                .compute(IndexQuery.living(NOW))
                .figure("countries.any")
                .orElseThrow()
                .countries())
        .doesNotContain("JPN", "DEU");
    assertThat(
            engine
                .compute(IndexQuery.living(LocalDate.of(2024, 6, 1)))
                .figure("countries.any")
                .orElseThrow()
                .countries())
        .contains("DEU");
  }

  @Test
  void livingIndexComparedWithTheReleaseNamesTheNewClaims() {
    IndexEngine engine = new IndexEngine(world().build());
    List<IndexComparison.FigureChange> changes =
        IndexComparison.compare(
            engine.compute(IndexQuery.singleSource(NOW, "ds")),
            engine.compute(IndexQuery.living(NOW)));
    IndexComparison.FigureChange any =
        changes.stream().filter(c -> c.id().equals("countries.any")).findFirst().orElseThrow();
    assertThat(any.delta()).isEqualTo(1);
    assertThat(any.countriesAdded()).containsExactly("ECU");
    assertThat(any.claimsAdded()).containsExactly("ecu-huawei");
  }

  @Test
  void anUnknownSourceIsAClearError() {
    assertThatThrownBy(
            () -> new IndexEngine(world().build()).compute(IndexQuery.singleSource(NOW, "nope")))
        .hasMessageContaining("unknown source 'nope'")
        .hasMessageContaining("ds");
  }

  @Test
  void countryProfileListsClaimsWithStatusAndEvidence() {
    IndexEngine engine = new IndexEngine(world().build());
    CountryProfile p = new Profiles(engine).country("KEN", IndexQuery.living(NOW));
    assertThat(p.technologiesInUse()).containsExactly("facial_recognition", "smart_city");
    assertThat(p.supplierCompanies()).containsExactly("huawei");
    assertThat(p.supplierCountries()).containsExactly("CHN");
    assertThat(p.indicators().get(IndicatorKind.REGIME_TYPE).value()).isEqualTo("EA");
    assertThat(p.claims()).allSatisfy(c -> assertThat(c.evidence()).isNotEmpty());
    CompanyProfile avigilon = new Profiles(engine).company("avigilon", IndexQuery.living(NOW));
    assertThat(avigilon.originIso3()).isEqualTo("USA");
    assertThat(avigilon.countriesServed()).isEmpty();
    assertThat(avigilon.claims())
        .singleElement()
        .satisfies(c -> assertThat(c.status()).isEqualTo(ClaimStatus.REPORTED));
  }

  @Test
  void aFinancedSupplyShowsOnTheLendersAndTheSuppliersProfile() {
    Fixtures f = world();
    f.claims.add(
        new org.custodiet.core.model.Claim(
            "ecu-loan",
            org.custodiet.core.model.ClaimKind.FINANCES,
            "ECU",
            "smart_city",
            Supplier.company("huawei"),
            "exim",
            null,
            null,
            null,
            null,
            null));
    f.add(source("gov", SourceTier.A, "Government", "2020"));
    f.cite("ecu-loan", "gov");
    IndexEngine engine = new IndexEngine(f.build());
    Profiles profiles = new Profiles(engine);
    assertThat(profiles.company("exim", IndexQuery.living(NOW)).claims())
        .extracting(c -> c.claim().id())
        .containsExactly("ecu-loan");
    assertThat(profiles.company("huawei", IndexQuery.living(NOW)).claims())
        .extracting(c -> c.claim().id())
        .contains("ecu-loan", "ecu-huawei", "ken-huawei");
    IndexResult r = engine.compute(IndexQuery.living(NOW));
    assertThat(r.figure("countries.lender.exim").orElseThrow().countries()).containsExactly("ECU");
    assertThat(r.figure("countries.financed").orElseThrow().claims()).containsExactly("ecu-loan");
  }

  @Test
  void claimSearchFiltersAndPages() {
    ClaimSearch search = new ClaimSearch(new IndexEngine(world().build()));
    IndexQuery now = IndexQuery.living(NOW);
    assertThat(search.find(ClaimFilter.ALL, now, 0, 100).total()).isEqualTo(9);
    ClaimSearch.Page huawei =
        search.find(new ClaimFilter(null, "huawei", null, null, null, null, false), now, 0, 1);
    assertThat(huawei.total()).isEqualTo(2);
    assertThat(huawei.claims()).extracting(c -> c.claim().id()).containsExactly("ken-huawei");
    assertThat(
            search
                .find(new ClaimFilter(null, "huawei", null, null, null, null, false), now, 1, 1)
                .claims())
        .extracting(c -> c.claim().id())
        .containsExactly("ecu-huawei");
    assertThat(
            search
                .find(
                    new ClaimFilter("KEN", null, "smart_city", null, null, null, false), now, 0, 10)
                .claims())
        .extracting(c -> c.claim().id())
        .containsExactly("ken-sc");
    assertThat(
            search
                .find(new ClaimFilter(null, null, null, "USA", null, null, false), now, 0, 10)
                .claims())
        .extracting(c -> c.claim().id())
        .containsExactly("mys-ibm", "deu-avigilon");
    assertThat(
            search
                .find(
                    new ClaimFilter(null, null, null, null, ClaimStatus.REPORTED, null, false),
                    now,
                    0,
                    10)
                .claims())
        .extracting(c -> c.claim().id())
        .containsExactly("deu-avigilon");
    assertThat(
            search
                .find(new ClaimFilter(null, null, null, null, null, null, true), now, 0, 100)
                .total())
        .isEqualTo(8);
  }

  @Test
  void claimSearchRefusesUnknownKeysAndBadPages() {
    ClaimSearch search = new ClaimSearch(new IndexEngine(world().build()));
    IndexQuery now = IndexQuery.living(NOW);
    assertThatThrownBy(
            () ->
                search.find(
                    new ClaimFilter("XXX", null, null, null, null, null, false), now, 0, 10))
        .hasMessageContaining("country")
        .hasMessageContaining("XXX");
    assertThatThrownBy(() -> search.find(ClaimFilter.ALL, now, -1, 10))
        .hasMessageContaining("offset");
    assertThatThrownBy(() -> search.find(ClaimFilter.ALL, now, 0, 0)).hasMessageContaining("limit");
    assertThatThrownBy(() -> search.find(ClaimFilter.ALL, now, 0, ClaimSearch.MAX_LIMIT + 1))
        .hasMessageContaining("limit");
  }
}
