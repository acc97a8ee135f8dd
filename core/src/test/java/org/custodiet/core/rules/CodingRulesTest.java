package org.custodiet.core.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custodiet.core.Fixtures.source;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.custodiet.core.Fixtures;
import org.custodiet.core.model.Claim;
import org.custodiet.core.model.ClaimKind;
import org.custodiet.core.model.Company;
import org.custodiet.core.model.CuratorFlag;
import org.custodiet.core.model.Evidence;
import org.custodiet.core.model.Period;
import org.custodiet.core.model.Source;
import org.custodiet.core.model.SourceTier;
import org.custodiet.core.model.Stage;
import org.custodiet.core.model.Supplier;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CodingRulesTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

  private static ClaimStatus statusOf(
      List<Source> sources, List<CuratorFlag> flags, LocalDate asOf) {
    Map<String, Source> byId =
        sources.stream().collect(Collectors.toMap(Source::id, Function.identity()));
    List<Evidence> evidence =
        sources.stream()
            .map(s -> new Evidence("c1", s.id(), "summary", null, Fixtures.RECORDED))
            .toList();
    return CodingRules.status(evidence, byId, flags, asOf);
  }

  private static ClaimStatus statusOf(Source... sources) {
    return statusOf(List.of(sources), List.of(), TODAY);
  }

  @Nested
  class SourceTiers {
    @ParameterizedTest
    @CsvSource({
      "official, A",
      "dataset, A",
      "established_media, B",
      "ngo_report, B",
      "trade_press, C",
      "other, C",
      "blog, C"
    })
    void kindMapsToTier(String kind, SourceTier tier) {
      assertThat(CodingRules.tierForSourceKind(kind)).isEqualTo(tier);
    }

    @Test
    void unknownKindIsTierC() {
      assertThat(CodingRules.tierForSourceKind(null)).isEqualTo(SourceTier.C);
    }
  }

  @Nested
  class Corroboration {
    @Test
    void oneTierASourceEstablishes() {
      assertThat(statusOf(source("a", SourceTier.A, "Ministry", "2020")))
          .isEqualTo(ClaimStatus.ESTABLISHED);
    }

    @Test
    void oneTierBSourceIsOnlyReported() {
      assertThat(statusOf(source("b", SourceTier.B, "Reuters", "2020")))
          .isEqualTo(ClaimStatus.REPORTED);
    }

    @Test
    void twoTierBSourcesFromOnePublisherDoNotEstablish() {
      assertThat(
              statusOf(
                  source("b1", SourceTier.B, "Reuters", "2020"),
                  source("b2", SourceTier.B, "Reuters", "2021")))
          .isEqualTo(ClaimStatus.REPORTED);
    }

    @Test
    void twoTierBSourcesFromDifferentPublishersEstablish() {
      assertThat(
              statusOf(
                  source("b1", SourceTier.B, "Reuters", "2020"),
                  source("b2", SourceTier.B, "BBC", "2021")))
          .isEqualTo(ClaimStatus.ESTABLISHED);
    }

    @Test
    void syndicatedCopiesCountAsTheirOriginalPublisher() {
      Source relay =
          new Source(
              "relay",
              Source.SourceType.DOCUMENT,
              "https://x.org/r",
              null,
              null,
              "Biometric Update (citing Reuters)",
              "Reuters",
              null,
              SourceTier.B,
              "other",
              null,
              null);
      assertThat(statusOf(source("b1", SourceTier.B, "Reuters", "2020"), relay))
          .isEqualTo(ClaimStatus.REPORTED);
    }

    @Test
    void oneTierBAndTwoTierCFromDifferentPublishersEstablish() {
      assertThat(
              statusOf(
                  source("b", SourceTier.B, "Reuters", "2020"),
                  source("c1", SourceTier.C, "Blog One", "2020"),
                  source("c2", SourceTier.C, "Blog Two", "2020")))
          .isEqualTo(ClaimStatus.ESTABLISHED);
    }

    @Test
    void tierCFromTheTierBPublisherDoesNotAddCorroboration() {
      assertThat(
              statusOf(
                  source("b", SourceTier.B, "Reuters", "2020"),
                  source("c1", SourceTier.C, "Reuters", "2020"),
                  source("c2", SourceTier.C, "Blog Two", "2020")))
          .isEqualTo(ClaimStatus.REPORTED);
    }

    @Test
    void threeTierCSourcesDoNotEstablish() {
      assertThat(
              statusOf(
                  source("c1", SourceTier.C, "One", "2020"),
                  source("c2", SourceTier.C, "Two", "2020"),
                  source("c3", SourceTier.C, "Three", "2020")))
          .isEqualTo(ClaimStatus.REPORTED);
    }

    @Test
    void countsByGroupAgreeWithTheListForm() {
      assertThat(CodingRules.corroborates(0, 1, 1)).isFalse();
      assertThat(CodingRules.corroborates(0, 2, 0)).isTrue();
      assertThat(CodingRules.corroborates(0, 1, 2)).isTrue();
      assertThat(CodingRules.corroborates(0, 0, 5)).isFalse();
      assertThat(CodingRules.corroborates(1, 0, 0)).isTrue();
    }
  }

  @Nested
  class AsOf {
    @Test
    void evidencePublishedAfterTheDateIsNotYetKnown() {
      assertThat(
              statusOf(
                  List.of(source("a", SourceTier.A, "Ministry", "2022-03-09")),
                  List.of(),
                  LocalDate.of(2022, 3, 8)))
          .isEqualTo(ClaimStatus.NOT_YET_REPORTED);
      assertThat(
              statusOf(
                  List.of(source("a", SourceTier.A, "Ministry", "2022-03-09")),
                  List.of(),
                  LocalDate.of(2022, 3, 9)))
          .isEqualTo(ClaimStatus.ESTABLISHED);
    }

    @Test
    void aYearOnlyDateIsKnownFromTheLastDayOfThatYear() {
      Source s = source("a", SourceTier.A, "Ministry", "2019");
      assertThat(statusOf(List.of(s), List.of(), LocalDate.of(2019, 12, 30)))
          .isEqualTo(ClaimStatus.NOT_YET_REPORTED);
      assertThat(statusOf(List.of(s), List.of(), LocalDate.of(2019, 12, 31)))
          .isEqualTo(ClaimStatus.ESTABLISHED);
    }

    @Test
    void anUndatedSourceIsKnownFromWhenItsEvidenceWasRecorded() {
      Source s = source("a", SourceTier.A, "Ministry", null);
      assertThat(statusOf(List.of(s), List.of(), Fixtures.RECORDED.minusDays(1)))
          .isEqualTo(ClaimStatus.NOT_YET_REPORTED);
      assertThat(statusOf(List.of(s), List.of(), Fixtures.RECORDED))
          .isEqualTo(ClaimStatus.ESTABLISHED);
    }

    @Test
    void openEndedPeriodsHoldForever() {
      Claim claim = claim(Stage.DEPLOYED, Period.OPEN);
      assertThat(CodingRules.inForce(claim, LocalDate.of(1900, 1, 1))).isTrue();
      assertThat(CodingRules.inForce(claim, LocalDate.of(2999, 1, 1))).isTrue();
    }

    @Test
    void aClaimThatStartsAfterTheDateDoesNotCount() {
      Claim claim = claim(Stage.DEPLOYED, new Period(LocalDate.of(2023, 1, 1), null));
      assertThat(CodingRules.counts(claim, ClaimStatus.ESTABLISHED, LocalDate.of(2022, 12, 31)))
          .isFalse();
      assertThat(CodingRules.counts(claim, ClaimStatus.ESTABLISHED, LocalDate.of(2023, 1, 1)))
          .isTrue();
    }

    @Test
    void anEndedClaimStopsCountingAfterItsEnd() {
      Claim claim = claim(Stage.DEPLOYED, new Period(null, LocalDate.of(2021, 12, 31)));
      assertThat(CodingRules.counts(claim, ClaimStatus.ESTABLISHED, LocalDate.of(2021, 12, 31)))
          .isTrue();
      assertThat(CodingRules.counts(claim, ClaimStatus.ESTABLISHED, LocalDate.of(2022, 1, 1)))
          .isFalse();
    }
  }

  @Nested
  class CuratorFlags {
    private final Source primary = source("a", SourceTier.A, "Ministry", "2019");

    @Test
    void aRetractedClaimStopsCountingFromItsRetractionDate() {
      CuratorFlag retraction =
          new CuratorFlag(
              "c1", CuratorFlag.Kind.RETRACTED, LocalDate.of(2024, 5, 1), "source withdrew");
      assertThat(statusOf(List.of(primary), List.of(retraction), LocalDate.of(2024, 4, 30)))
          .isEqualTo(ClaimStatus.ESTABLISHED);
      assertThat(statusOf(List.of(primary), List.of(retraction), LocalDate.of(2024, 5, 1)))
          .isEqualTo(ClaimStatus.RETRACTED);
    }

    @Test
    void aDisputedClaimDoesNotCountWhileDisputed() {
      CuratorFlag dispute =
          new CuratorFlag(
              "c1", CuratorFlag.Kind.DISPUTED, LocalDate.of(2024, 5, 1), "supplier denies");
      assertThat(statusOf(List.of(primary), List.of(dispute), LocalDate.of(2024, 5, 2)))
          .isEqualTo(ClaimStatus.DISPUTED);
      assertThat(
              CodingRules.counts(claim(Stage.DEPLOYED, Period.OPEN), ClaimStatus.DISPUTED, TODAY))
          .isFalse();
    }

    @Test
    void retractionOutranksDispute() {
      List<CuratorFlag> flags =
          List.of(
              new CuratorFlag("c1", CuratorFlag.Kind.DISPUTED, LocalDate.of(2020, 1, 1), "doubt"),
              new CuratorFlag("c1", CuratorFlag.Kind.RETRACTED, LocalDate.of(2021, 1, 1), "wrong"));
      assertThat(statusOf(List.of(primary), flags, LocalDate.of(2020, 6, 1)))
          .isEqualTo(ClaimStatus.DISPUTED);
      assertThat(statusOf(List.of(primary), flags, LocalDate.of(2021, 6, 1)))
          .isEqualTo(ClaimStatus.RETRACTED);
    }
  }

  @Nested
  class Stages {
    @Test
    void trialsDoNotCount() {
      assertThat(
              CodingRules.counts(claim(Stage.TRIAL, Period.OPEN), ClaimStatus.ESTABLISHED, TODAY))
          .isFalse();
      assertThat(
              CodingRules.counts(
                  claim(Stage.CONTRACTED, Period.OPEN), ClaimStatus.ESTABLISHED, TODAY))
          .isTrue();
    }

    @Test
    void onlyEstablishedClaimsCount() {
      assertThat(
              CodingRules.counts(claim(Stage.DEPLOYED, Period.OPEN), ClaimStatus.REPORTED, TODAY))
          .isFalse();
    }
  }

  @Nested
  class SupplierOrigin {
    private final Map<String, Company> companies =
        new Fixtures()
            .companies.stream().collect(Collectors.toMap(Company::id, Function.identity()));

    @Test
    void anOriginOnlySupplierIsItsCountry() {
      Claim claim =
          new Claim(
              "x",
              ClaimKind.SUPPLIES,
              "KEN",
              null,
              Supplier.origin("CHN"),
              null,
              null,
              null,
              null,
              null,
              null);
      assertThat(CodingRules.supplierOrigin(claim, companies)).isEqualTo("CHN");
    }

    @Test
    void aNamedCompanyCountsForItsHeadquarters() {
      assertThat(CodingRules.companyOrigin("huawei", companies)).isEqualTo("CHN");
    }

    @Test
    void aSubsidiaryCountsForItsParentsCountry() {
      assertThat(CodingRules.companyOrigin("avigilon", companies)).isEqualTo("USA");
    }

    @Test
    void anUnknownCompanyHasNoOrigin() {
      assertThat(CodingRules.companyOrigin("nobody", companies)).isNull();
    }

    @Test
    void parentCyclesEnd() {
      Map<String, Company> cyclic =
          Map.of(
              "a", new Company("a", "A", "DEU", "b", null, List.of()),
              "b", new Company("b", "B", "FRA", "a", null, List.of()));
      assertThat(CodingRules.companyOrigin("a", cyclic)).isIn("DEU", "FRA");
    }
  }

  private static Claim claim(Stage stage, Period period) {
    return new Claim(
        "c1",
        ClaimKind.SUPPLIES,
        "KEN",
        "smart_city",
        Supplier.company("huawei"),
        null,
        null,
        null,
        null,
        stage,
        period);
  }
}
