package org.custodiet.core.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.custodiet.core.Fixtures;
import org.custodiet.core.model.Claim;
import org.custodiet.core.model.CuratorFlag;
import org.custodiet.core.model.Evidence;
import org.custodiet.core.model.KnowledgeBase;
import org.custodiet.core.model.Period;
import org.custodiet.core.model.PublicationDate;
import org.custodiet.core.model.Source;
import org.custodiet.core.model.SourceTier;
import org.custodiet.core.model.Stage;
import org.custodiet.core.model.Supplier;
import org.custodiet.core.rules.ClaimStatus;
import org.custodiet.core.rules.CodingRules;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The engine's array-based evaluation must decide exactly what {@link CodingRules} decides: random
 * knowledge bases, every claim, several dates, living and single-source.
 */
class EngineAgreesWithRulesTest {

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void everyStatusAndEveryCountMatchTheRules(long seed) {
    Random random = new Random(seed);
    Fixtures f = new Fixtures();
    SourceTier[] tiers = SourceTier.values();
    for (int s = 0; s < 12; s++) {
      f.add(
          new Source(
              "s" + s,
              s == 0 ? Source.SourceType.DATASET : Source.SourceType.DOCUMENT,
              "https://example.org/" + s,
              null,
              null,
              "Publisher " + random.nextInt(5),
              random.nextInt(4) == 0 ? "Wire" : null,
              random.nextInt(6) == 0
                  ? null
                  : PublicationDate.parse(Integer.toString(2018 + random.nextInt(8))),
              tiers[random.nextInt(3)],
              "other",
              null,
              null));
    }
    List<String> countries = List.of("KEN", "ECU", "MYS", "DEU");
    for (int c = 0; c < 60; c++) {
      String id = "c" + c;
      Period period =
          random.nextInt(4) == 0
              ? new Period(LocalDate.of(2019 + random.nextInt(3), 1, 1), LocalDate.of(2023, 6, 30))
              : Period.OPEN;
      if (random.nextBoolean()) {
        f.uses(id, countries.get(random.nextInt(4)), "smart_city");
      } else {
        f.supplies(
            id,
            countries.get(random.nextInt(4)),
            Supplier.company(random.nextBoolean() ? "huawei" : "ibm"),
            "facial_recognition",
            Stage.values()[random.nextInt(4)],
            period);
      }
      int pieces = random.nextInt(5);
      for (int e = 0; e < pieces; e++) {
        f.cite(id, "s" + random.nextInt(12));
      }
      if (random.nextInt(8) == 0) {
        f.flags.add(
            new CuratorFlag(
                id,
                random.nextBoolean() ? CuratorFlag.Kind.DISPUTED : CuratorFlag.Kind.RETRACTED,
                LocalDate.of(2020 + random.nextInt(5), 3, 1),
                "test"));
      }
    }
    KnowledgeBase kb = f.build();
    IndexEngine engine = new IndexEngine(kb);
    Map<String, List<Evidence>> evidence = new HashMap<>();
    kb.evidence()
        .forEach(e -> evidence.computeIfAbsent(e.claimId(), k -> new ArrayList<>()).add(e));
    Map<String, List<CuratorFlag>> flags = new HashMap<>();
    kb.flags().forEach(fl -> flags.computeIfAbsent(fl.claimId(), k -> new ArrayList<>()).add(fl));

    for (LocalDate day :
        List.of(LocalDate.of(2017, 1, 1), LocalDate.of(2020, 6, 1), LocalDate.of(2026, 11, 27))) {
      for (String only : new String[] {null, "s0", "s3"}) {
        IndexQuery query = new IndexQuery(day, only);
        int counted = 0;
        for (Claim claim : kb.claims().values()) {
          List<Evidence> ev =
              evidence.getOrDefault(claim.id(), List.of()).stream()
                  .filter(e -> only == null || e.sourceId().equals(only))
                  .toList();
          ClaimStatus expected =
              CodingRules.status(
                  ev,
                  kb.sources(),
                  only == null ? flags.getOrDefault(claim.id(), List.of()) : List.of(),
                  day);
          assertThat(engine.status(claim.id(), query))
              .as("%s on %s over %s", claim.id(), day, only)
              .isEqualTo(expected);
          if (CodingRules.counts(claim, expected, day)) {
            counted++;
          }
        }
        assertThat(engine.compute(query).figure("countries.any").orElseThrow().claims())
            .as("claims counted on %s over %s", day, only)
            .hasSize(counted);
      }
    }
  }
}
