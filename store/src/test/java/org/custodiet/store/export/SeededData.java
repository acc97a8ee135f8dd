package org.custodiet.store.export;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.custodiet.core.model.Claim;
import org.custodiet.core.model.ClaimKind;
import org.custodiet.core.model.Evidence;
import org.custodiet.core.model.KnowledgeBase;
import org.custodiet.core.model.Period;
import org.custodiet.core.model.PublicationDate;
import org.custodiet.core.model.Source;
import org.custodiet.core.model.SourceTier;
import org.custodiet.core.model.Stage;
import org.custodiet.core.model.Supplier;
import org.custodiet.store.Database;
import org.custodiet.store.KnowledgeBaseRepository;
import org.custodiet.store.SeedLoader;

/** The bundled seed loaded through a real H2 database, once per test run. */
final class SeededData {
  private static KnowledgeBase seed;

  private SeededData() {}

  static synchronized KnowledgeBase seed() throws Exception {
    if (seed == null) {
      seed = load();
    }
    return seed;
  }

  /** A fresh load from a new database: the same data through the whole store path again. */
  static KnowledgeBase load() throws Exception {
    Path dir = Files.createTempDirectory("custodiet-export-test");
    try (Database db = Database.openDirectory(dir)) {
      new SeedLoader(db).loadBundled();
      return new KnowledgeBaseRepository(db).load();
    }
  }

  static final String HOSTILE_CITY = "=HYPERLINK(\"https://attacker.example\",\"open me\")";
  static final String HOSTILE_AGENCY = "'@SUM(1+1)";
  static final String HOSTILE_TITLE = "+cmd|' /C calc'!A0";
  static final String HOSTILE_PUBLISHER = "-Spreadsheet Tricks Weekly";

  /** The seed plus one established claim whose text fields would run as spreadsheet formulas. */
  static KnowledgeBase withHostileClaim() throws Exception {
    KnowledgeBase kb = seed();
    List<Source> sources = new ArrayList<>(kb.sources().values());
    sources.add(
        new Source(
            "test-hostile-notice",
            Source.SourceType.DOCUMENT,
            "https://procurement.example/notice/7",
            null,
            HOSTILE_TITLE,
            HOSTILE_PUBLISHER,
            null,
            PublicationDate.parse("2021-04-01"),
            SourceTier.A,
            "official",
            null,
            null));
    List<Claim> claims = new ArrayList<>(kb.claims().values());
    claims.add(
        new Claim(
            "test/KEN/hostile",
            ClaimKind.SUPPLIES,
            "KEN",
            "facial_recognition",
            Supplier.company("huawei"),
            null,
            null,
            HOSTILE_CITY,
            HOSTILE_AGENCY,
            Stage.DEPLOYED,
            new Period(LocalDate.of(2021, 1, 1), null)));
    List<Evidence> evidence = new ArrayList<>(kb.evidence());
    evidence.add(
        new Evidence(
            "test/KEN/hostile",
            "test-hostile-notice",
            "A notice written for this test.",
            null,
            LocalDate.of(2026, 11, 27)));
    return new KnowledgeBase(
        kb.countries().values(),
        kb.companies().values(),
        kb.technologies().values(),
        sources,
        claims,
        evidence,
        kb.flags(),
        kb.indicators(),
        kb.listings(),
        kb.publishedFigures());
  }
}
