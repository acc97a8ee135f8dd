package org.custodiet.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import org.custodiet.core.index.Figure;
import org.custodiet.core.index.IndexEngine;
import org.custodiet.core.index.IndexQuery;
import org.custodiet.core.index.IndexResult;
import org.custodiet.core.model.KnowledgeBase;
import org.custodiet.store.Database;
import org.custodiet.store.KnowledgeBaseRepository;
import org.custodiet.store.SeedLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first test of the machinery: the bundled data, loaded by the seed loader into a real database
 * and computed by the engine over the AIGS 2022 source alone, reproduces the figures Carnegie
 * published for that release.
 */
class AigsReleaseFiguresTest {
  private static final LocalDate AS_OF = LocalDate.of(2026, 11, 27);
  @TempDir static Path dir;
  static KnowledgeBase kb;
  static IndexResult release;
  static IndexResult living;

  @BeforeAll
  static void load() {
    try (Database db = Database.openDirectory(dir)) {
      new SeedLoader(db).loadBundled();
      kb = new KnowledgeBaseRepository(db).load();
    }
    IndexEngine engine = new IndexEngine(kb);
    release = engine.compute(IndexQuery.singleSource(AS_OF, "aigs-2022"));
    living = engine.compute(IndexQuery.living(AS_OF));
  }

  @Test
  void countriesAndTechnologies() {
    assertThat(release.value("countries.any")).isEqualTo(97);
    assertThat(release.value("countries.technology.smart_city")).isEqualTo(64);
    assertThat(release.value("countries.technology.facial_recognition")).isEqualTo(78);
    assertThat(release.value("countries.technology.smart_policing")).isEqualTo(69);
    assertThat(release.value("countries.technology.social_media_surveillance")).isEqualTo(38);
  }

  @Test
  void supplierCountries() {
    assertThat(release.value("countries.supplier_country.CHN")).isEqualTo(68);
    Figure bri = release.figure("countries.supplier_country.CHN.bri").orElseThrow();
    assertThat(bri.value()).isEqualTo(53);
    assertThat(bri.denominator()).isEqualTo(68);
  }

  @Test
  void usFigureCountsMalaysiasIbmAndReportsTheInconsistency() {
    Figure us = release.figure("countries.supplier_country.USA").orElseThrow();
    assertThat(us.value()).isEqualTo(32);
    assertThat(us.countries()).contains("MYS");
    assertThat(release.inconsistencies())
        .anySatisfy(
            i -> {
              assertThat(i.countryIso3()).isEqualTo("MYS");
              assertThat(i.message()).contains("IBM").contains("USA");
            });
  }

  @Test
  void companiesAfterSpellingRepair() {
    assertThat(release.value("countries.company.huawei")).isEqualTo(51);
    assertThat(release.value("countries.company.nec")).isEqualTo(14);
    assertThat(release.value("countries.company.hikvision")).isEqualTo(12);
    assertThat(release.value("countries.company.palantir")).isEqualTo(9);
    assertThat(release.figure("countries.company.mult")).isEmpty();
  }

  @Test
  void regimeShares() {
    assertShare("countries.regime.LD", 22, 34);
    assertShare("countries.regime.ED", 30, 55);
    assertShare("countries.regime.EA", 32, 60);
    assertShare("countries.regime.CA", 13, 30);
  }

  @Test
  void everyFigureNamesTheClaimsBehindIt() {
    for (Figure f : release.figures()) {
      if (f.value() > 0) {
        assertThat(f.claims()).as(f.id()).isNotEmpty();
        assertThat(f.claims()).as(f.id()).allMatch(kb.claims()::containsKey);
      }
    }
  }

  @Test
  void theEarlierReleaseIsItsOwnDatedSource() {
    IndexEngine engine = new IndexEngine(kb);
    IndexResult v1 = engine.compute(IndexQuery.singleSource(AS_OF, "aigs-v1"));
    assertThat(v1.value("countries.any")).isEqualTo(77);
    assertThat(v1.value("countries.technology.facial_recognition")).isEqualTo(68);
    IndexResult before2022 = engine.compute(IndexQuery.living(LocalDate.of(2021, 12, 31)));
    assertThat(before2022.value("countries.any")).isLessThan(living.value("countries.any"));
    assertThat(engine.compute(IndexQuery.living(LocalDate.of(2018, 1, 1))).value("countries.any"))
        .isLessThan(before2022.value("countries.any"));
  }

  @Test
  void livingIndexContainsTheReleaseAndMore() {
    assertThat(living.value("countries.any")).isGreaterThanOrEqualTo(97);
    assertThat(living.figure("countries.any").orElseThrow().countries())
        .containsAll(release.figure("countries.any").orElseThrow().countries());
  }

  private static void assertShare(String id, int value, int denominator) {
    Figure f = release.figure(id).orElseThrow();
    assertThat(f.value()).as(id).isEqualTo(value);
    assertThat(f.denominator()).as(id + " denominator").isEqualTo(denominator);
  }
}
