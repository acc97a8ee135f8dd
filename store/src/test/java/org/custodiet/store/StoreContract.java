package org.custodiet.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodiet.core.model.Claim;
import org.custodiet.core.model.ClaimKind;
import org.custodiet.core.model.KnowledgeBase;
import org.custodiet.core.model.Stage;
import org.custodiet.store.ImportException.Reason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository test suite. Every test runs against each database the store supports: see the H2
 * and PostgreSQL subclasses, which only say how to make a fresh, empty database.
 */
abstract class StoreContract {
  @TempDir Path tmp;

  private final List<Database> opened = new ArrayList<>();

  /** A fresh, empty, migrated database. */
  protected abstract Database createDatabase() throws Exception;

  Database fresh() throws Exception {
    Database db = createDatabase();
    opened.add(db);
    return db;
  }

  @AfterEach
  void closeAll() {
    opened.forEach(Database::close);
  }

  /** A fresh database holding the small fixture seed. */
  Database seeded() throws Exception {
    Database db = fresh();
    SeedResult r =
        new SeedLoader(db)
            .load(SeedFiles.directory(Fixtures.write(tmp.resolve("seed"), Fixtures.seed())));
    assertThat(r.status()).isEqualTo(SeedResult.Status.LOADED);
    return db;
  }

  static Map<String, Long> counts(Database db) {
    return new KnowledgeBaseRepository(db).counts();
  }

  Path file(String name, String content) throws Exception {
    Path p = tmp.resolve(name);
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  /** Imports and expects a refusal that changes nothing. */
  ImportException refused(Database db, Path file) {
    Map<String, Long> before = counts(db);
    ImportException e =
        catchThrowableOfType(ImportException.class, () -> new ClaimImporter(db).importFile(file));
    assertThat(e).as("import of " + file.getFileName() + " should be refused").isNotNull();
    assertThat(counts(db)).as("nothing written").isEqualTo(before);
    assertThat(e.file()).isEqualTo(file.getFileName().toString());
    return e;
  }

  // ----------------------------------------------------------------------------- migrations

  @Test
  void migrationsCreateEveryTableEmpty() throws Exception {
    Database db = fresh();
    Map<String, Long> counts = counts(db);
    assertThat(counts.keySet()).containsExactlyElementsOf(KnowledgeBaseRepository.TABLES);
    assertThat(counts.values()).allMatch(n -> n == 0);
    KnowledgeBase kb = new KnowledgeBaseRepository(db).load();
    assertThat(kb.claims()).isEmpty();
  }

  // ------------------------------------------------------------------------------- the seed

  @Test
  void bundledSeedLoadsEveryRowOfItsFilesOnceAndOnlyOnce() throws Exception {
    SeedFiles bundled = SeedFiles.bundled();
    Assumptions.assumeTrue(bundled.read("claims.csv") != null, "no bundled seed in this build");
    Database db = fresh();
    SeedResult r = new SeedLoader(db).loadBundled();
    assertThat(r.status()).as(r.message()).isEqualTo(SeedResult.Status.LOADED);

    Map<String, String> tableOf = new LinkedHashMap<>();
    tableOf.put("iso3166/all.csv", "country");
    tableOf.put("countries-extra.csv", "country");
    tableOf.put("technologies.csv", "technology");
    tableOf.put("country-names.csv", "country_name");
    tableOf.put("sources.csv", "source");
    tableOf.put("companies.csv", "company");
    tableOf.put("claims.csv", "claim");
    tableOf.put("evidence.csv", "evidence");
    tableOf.put("flags.csv", "claim_flag");
    tableOf.put("indicators.csv", "indicator");
    tableOf.put("entity-listings.csv", "entity_listing");
    tableOf.put("published-figures.csv", "published_figure");
    assertThat(tableOf.keySet()).containsExactlyInAnyOrderElementsOf(SeedFiles.NAMES);
    Map<String, Long> expected = new LinkedHashMap<>();
    for (var e : tableOf.entrySet()) {
      byte[] bytes = bundled.read(e.getKey());
      if (bytes == null) {
        continue;
      }
      int rows = Fixtures.csvRows(new String(bytes, StandardCharsets.UTF_8));
      expected.merge(e.getValue(), (long) rows, Long::sum);
      assertThat(r.rows().get(e.getKey())).as(e.getKey()).isEqualTo(rows);
    }
    Map<String, Long> counts = counts(db);
    expected.forEach((table, rows) -> assertThat(counts.get(table)).as(table).isEqualTo(rows));
    assertThat(counts.get("import_batch")).isEqualTo(1);

    long t0 = System.nanoTime();
    KnowledgeBase kb = new KnowledgeBaseRepository(db).load();
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertThat(kb.claims()).hasSize(counts.get("claim").intValue());
    assertThat(kb.evidence()).hasSize(counts.get("evidence").intValue());
    assertThat(ms).as("snapshot load time in ms").isLessThan(3000);
    System.out.println(getClass().getSimpleName() + ": bundled snapshot loaded in " + ms + " ms");

    SeedResult again = new SeedLoader(db).loadBundled();
    assertThat(again.status()).isEqualTo(SeedResult.Status.ALREADY_LOADED);
    assertThat(counts(db)).isEqualTo(counts);
  }

  @Test
  void fixtureSeedBecomesTheKnowledgeBase() throws Exception {
    Database db = seeded();
    KnowledgeBase kb = new KnowledgeBaseRepository(db).load();
    assertThat(kb.countries()).containsKeys("KEN", "CHN", "CIV", "ATA");
    assertThat(kb.countries().get("ATA").region()).isNull();
    assertThat(kb.companies().get("huawei").aliases())
        .containsExactly("Huawei Technologies Co. Ltd", "华为");
    assertThat(kb.companies().get("huawei-kenya").parentId()).isEqualTo("huawei");
    assertThat(kb.sources().get("doc-aaaaaaaaaaaa").publisherGroup()).isEqualTo("Reuters");
    assertThat(kb.sources().get("doc-aaaaaaaaaaaa").published().toString()).isEqualTo("2019-05");
    Claim fin = kb.claims().get("s/KEN/fin/1");
    assertThat(fin.kind()).isEqualTo(ClaimKind.FINANCES);
    assertThat(fin.financing().amount()).isEqualByComparingTo("1000000.50");
    assertThat(fin.financing().currency()).isEqualTo("USD");
    Claim sup = kb.claims().get("s/KEN/supplies/huawei");
    assertThat(sup.stage()).isEqualTo(Stage.DEPLOYED);
    assertThat(sup.period().from()).hasToString("2014-01-01");
    assertThat(sup.period().to()).hasToString("2019-06-30");
    assertThat(kb.evidence()).hasSize(5);
    assertThat(kb.flags())
        .singleElement()
        .satisfies(f -> assertThat(f.effective()).hasToString("2020-01-01"));
    assertThat(kb.indicators()).hasSize(2);
    assertThat(kb.listings()).hasSize(1);
    assertThat(kb.publishedFigures().get(0).sourceUrls())
        .containsExactly("https://a.example", "https://b.example");
    assertThat(kb.publishedFigures().get(1).value()).isNull();
    assertThat(new KnowledgeBaseRepository(db).countryNames()).containsEntry("ivory coast", "CIV");
  }

  @Test
  void aNewerSeedReplacesADatabaseThatHoldsOnlySeedData() throws Exception {
    Database db = seeded();
    Map<String, Long> before = counts(db);
    Map<String, String> changed = Fixtures.seed();
    changed.put("technologies.csv", changed.get("technologies.csv") + "alpr,ALPR,Number plates\n");
    SeedResult r =
        new SeedLoader(db).load(SeedFiles.directory(Fixtures.write(tmp.resolve("seed2"), changed)));
    assertThat(r.status()).isEqualTo(SeedResult.Status.UPGRADED);
    assertThat(r.recordedSha256()).isNotEqualTo(r.sha256());
    Map<String, Long> after = counts(db);
    assertThat(after.get("technology")).isEqualTo(before.get("technology") + 1);
    assertThat(after.get("claim")).isEqualTo(before.get("claim"));
    assertThat(after.get("import_batch")).isEqualTo(before.get("import_batch") + 1);
    assertThat(new SeedLoader(db).load(SeedFiles.directory(tmp.resolve("seed2"))).status())
        .isEqualTo(SeedResult.Status.ALREADY_LOADED);
  }

  @Test
  void aDifferentSeedIsReportedNotMixedInWhenImportsExist() throws Exception {
    Database db = seeded();
    new ClaimImporter(db)
        .importFile(
            file(
                "mine.csv",
                Fixtures.IMPORT_HEADER
                    + Fixtures.row(
                        "x/1,uses,KEN,smart_city,,,,,,,,,deployed,,",
                        "aigs-2022,,,,,,,,,,,",
                        Fixtures.EVIDENCE)));
    Map<String, Long> before = counts(db);
    Map<String, String> changed = Fixtures.seed();
    changed.put("technologies.csv", changed.get("technologies.csv") + "alpr,ALPR,Number plates\n");
    SeedResult r =
        new SeedLoader(db).load(SeedFiles.directory(Fixtures.write(tmp.resolve("seed2"), changed)));
    assertThat(r.status()).isEqualTo(SeedResult.Status.DIFFERENT_SEED_PRESENT);
    assertThat(r.message()).contains("1 imports").contains("custodiet export");
    assertThat(counts(db)).isEqualTo(before);
  }

  @Test
  void aBadSeedWritesNothingAndNamesFileLineAndField() throws Exception {
    Database db = fresh();
    Map<String, String> bad = Fixtures.seed();
    bad.put(
        "claims.csv",
        bad.get("claims.csv") + "s/XXK/uses/smart_city,uses,XKX,smart_city,,,,,,,,,,,\n");
    bad.put(
        "evidence.csv", bad.get("evidence.csv") + "s/XXK/uses/smart_city,aigs-2022,,,2026-01-02\n");
    Map<String, Long> before = counts(db);
    ImportException e =
        catchThrowableOfType(
            ImportException.class,
            () ->
                new SeedLoader(db)
                    .load(SeedFiles.directory(Fixtures.write(tmp.resolve("bad"), bad))));
    assertThat(e).isNotNull();
    assertThat(e.reason()).isEqualTo(Reason.INVALID);
    assertThat(e.file()).isEqualTo("claims.csv");
    assertThat(e.line()).isEqualTo(6);
    assertThat(e.field()).isEqualTo("country_iso3");
    assertThat(e.getMessage()).contains("XKX");
    assertThat(counts(db)).isEqualTo(before);
  }

  @Test
  void aSeedClaimWithoutEvidenceIsRefused() throws Exception {
    Database db = fresh();
    Map<String, String> bad = Fixtures.seed();
    bad.put(
        "claims.csv",
        bad.get("claims.csv") + "s/CIV/uses/smart_city,uses,CIV,smart_city,,,,,,,,,,,\n");
    ImportException e =
        catchThrowableOfType(
            ImportException.class,
            () ->
                new SeedLoader(db)
                    .load(SeedFiles.directory(Fixtures.write(tmp.resolve("bad"), bad))));
    assertThat(e.getMessage()).contains("claims.csv:6").contains("has no evidence");
    assertThat(counts(db).values()).allMatch(n -> n == 0);
  }

  // ------------------------------------------------------------------------------ import

  @Test
  void importCsvAddsClaimsSourcesAndEvidence() throws Exception {
    Database db = seeded();
    Path f =
        file(
            "new.csv",
            Fixtures.IMPORT_HEADER
                + Fixtures.row(
                    Fixtures.usesClaim("x/CIV/uses/fr", "CIV", "facial_recognition"),
                    Fixtures.newSource("doc-bbbbbbbbbbbb", "https://news.example.com/b"),
                    Fixtures.EVIDENCE)
                + Fixtures.row(
                    Fixtures.usesClaim("x/CIV/uses/fr", "CIV", "facial_recognition"),
                    "aigs-2022,,,,,,,,,,,",
                    "\"A summary, with a comma\",,"));
    ImportResult r = new ClaimImporter(db).importFile(f);
    assertThat(r.claimsAdded()).isEqualTo(1);
    assertThat(r.sourcesAdded()).isEqualTo(1);
    assertThat(r.evidenceAdded()).isEqualTo(2);
    assertThat(r.rows()).isEqualTo(2);
    KnowledgeBase kb = new KnowledgeBaseRepository(db).load();
    assertThat(kb.claims()).containsKey("x/CIV/uses/fr");
    assertThat(kb.evidence()).filteredOn(e -> e.claimId().equals("x/CIV/uses/fr")).hasSize(2);
    assertThat(new KnowledgeBaseRepository(db).importBatches())
        .extracting(KnowledgeBaseRepository.ImportBatch::kind)
        .containsExactly("seed", "import");
  }

  @Test
  void anImportsLogEntryNamesItsClaimsOrOnlyCountsThemWhenThereAreMany() throws Exception {
    Database db = seeded();
    StringBuilder small = new StringBuilder(Fixtures.IMPORT_HEADER);
    small.append(
        Fixtures.row(
            Fixtures.usesClaim("x/CIV/uses/fr", "CIV", "facial_recognition"),
            "aigs-2022,,,,,,,,,,,",
            Fixtures.EVIDENCE));
    new ClaimImporter(db).importFile(file("small.csv", small.toString()));
    StringBuilder large = new StringBuilder(Fixtures.IMPORT_HEADER);
    int many = ClaimImporter.MAX_CLAIMS_LISTED_IN_LOG + 1;
    for (int i = 0; i < many; i++) {
      large.append(
          Fixtures.row(
              Fixtures.usesClaim("many/" + i, "CIV", "smart_city"),
              "aigs-2022,,,,,,,,,,,",
              Fixtures.EVIDENCE));
    }
    new ClaimImporter(db).importFile(file("large.csv", large.toString()));
    List<org.custodiet.core.audit.AuditEntry> imports =
        new org.custodiet.store.audit.AuditLog(db)
            .entries(0, 10).stream().filter(e -> e.action().equals("import")).toList();
    assertThat(imports).hasSize(2);
    assertThat(imports.get(0).detail()).contains("\"claims\":[\"x/CIV/uses/fr\"]");
    assertThat(imports.get(0).detail()).contains("\"claims_count\":1");
    assertThat(imports.get(1).detail()).doesNotContain("\"claims\":");
    assertThat(imports.get(1).detail()).contains("\"claims_count\":" + many);
    assertThat(new org.custodiet.store.audit.AuditLog(db).verify().intact()).isTrue();
  }

  @Test
  void importingAnExistingClaimWithIdenticalFieldsCorroboratesIt() throws Exception {
    Database db = seeded();
    String json =
        """
        {"format": "custodiet-claims/1",
         "sources": [{"id": "doc-cccccccccccc", "type": "document", "url": "https://other.example.org/c",
                      "title": "Second story", "publisher": "Other Paper", "published": "2020",
                      "tier": "B", "kind": "established_media"}],
         "claims": [{"id": "s/KEN/uses/smart_city", "kind": "uses", "country_iso3": "KEN",
                     "technology": "smart_city", "stage": "unspecified",
                     "evidence": [{"source_id": "doc-cccccccccccc", "summary": "Also says so"},
                                  {"source_id": "aigs-2022", "summary": "AIGS lists Kenya",
                                   "locator": "sheet, row 3"}]}]}
        """;
    ImportResult r = new ClaimImporter(db).importFile(file("corroborate.json", json));
    assertThat(r.claimsAdded()).isZero();
    assertThat(r.claimsCorroborated()).isEqualTo(1);
    assertThat(r.evidenceAdded()).isEqualTo(1);
    assertThat(r.evidenceUnchanged()).isEqualTo(1);
    assertThat(new KnowledgeBaseRepository(db).load().evidence())
        .filteredOn(e -> e.claimId().equals("s/KEN/uses/smart_city"))
        .hasSize(2);
  }

  @Test
  void importingAnExistingClaimWithDifferentFieldsIsAConflictNamingTheClaim() throws Exception {
    Database db = seeded();
    Path f =
        file(
            "conflict.csv",
            Fixtures.IMPORT_HEADER
                + Fixtures.row(
                    "s/KEN/uses/smart_city,uses,KEN,facial_recognition,,,,,,,,,unspecified,,",
                    "aigs-2022,,,,,,,,,,,",
                    Fixtures.EVIDENCE));
    ImportException e = refused(db, f);
    assertThat(e.reason()).isEqualTo(Reason.CONFLICT);
    assertThat(e.field()).isEqualTo("technology");
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.getMessage()).contains("s/KEN/uses/smart_city");
  }

  @Test
  void unknownIsoCodeIsRefused() throws Exception {
    Database db = seeded();
    Path f =
        file(
            "iso.csv",
            Fixtures.IMPORT_HEADER
                + Fixtures.row(
                    Fixtures.usesClaim("x/1", "KEN", "smart_city"),
                    "aigs-2022,,,,,,,,,,,",
                    Fixtures.EVIDENCE)
                + Fixtures.row(
                    Fixtures.usesClaim("x/2", "ZZZ", "smart_city"),
                    "aigs-2022,,,,,,,,,,,",
                    Fixtures.EVIDENCE));
    ImportException e = refused(db, f);
    assertThat(e.reason()).isEqualTo(Reason.INVALID);
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.field()).isEqualTo("country_iso3");
    assertThat(e.getMessage()).contains("unknown ISO 3166-1 code 'ZZZ'");
  }

  @Test
  void unknownTechnologyIsRefusedWithItsJsonPointer() throws Exception {
    Database db = seeded();
    String json =
        """
        {
          "sources": [],
          "claims": [
            {"id": "x/1", "kind": "uses", "country_iso3": "KEN", "technology": "smart_city",
             "evidence": [{"source_id": "aigs-2022"}]},
            {"id": "x/2", "kind": "uses", "country_iso3": "KEN", "technology": "mind_reading",
             "evidence": [{"source_id": "aigs-2022"}]}
          ]
        }
        """;
    ImportException e = refused(db, file("tech.json", json));
    assertThat(e.reason()).isEqualTo(Reason.INVALID);
    assertThat(e.field()).isEqualTo("technology");
    assertThat(e.line()).isEqualTo(6);
    assertThat(e.problems().get(0).pointer()).isEqualTo("/claims/1/technology");
    assertThat(e.getMessage()).contains("mind_reading");
  }

  @Test
  void unknownCompanyIsRefused() throws Exception {
    Database db = seeded();
    Path f =
        file(
            "company.csv",
            Fixtures.IMPORT_HEADER
                + Fixtures.row(
                    "x/1,supplies,KEN,,acme-vision,,,,,,,,deployed,,",
                    "aigs-2022,,,,,,,,,,,",
                    Fixtures.EVIDENCE));
    ImportException e = refused(db, f);
    assertThat(e.field()).isEqualTo("supplier_company_id");
    assertThat(e.getMessage()).contains("unknown company id 'acme-vision'");
  }

  @Test
  void claimWithoutSourceIsRefusedInCsvAndJson() throws Exception {
    Database db = seeded();
    ImportException csv =
        refused(
            db,
            file(
                "nosource.csv",
                Fixtures.IMPORT_HEADER
                    + Fixtures.row(
                        Fixtures.usesClaim("x/1", "KEN", "smart_city"), ",,,,,,,,,,,", ",,")));
    assertThat(csv.line()).isEqualTo(2);
    assertThat(csv.field()).isEqualTo("source_id");
    assertThat(csv.getMessage()).contains("no source");
    ImportException json =
        refused(
            db,
            file(
                "nosource.json",
                "{\"claims\": [{\"id\": \"x/1\", \"kind\": \"uses\", \"country_iso3\": \"KEN\","
                    + " \"technology\": \"smart_city\", \"evidence\": []}]}"));
    assertThat(json.field()).isEqualTo("evidence");
    assertThat(json.problems().get(0).pointer()).isEqualTo("/claims/0/evidence");
  }

  @Test
  void impossibleDateIsRefused() throws Exception {
    Database db = seeded();
    Path f =
        file(
            "date.csv",
            Fixtures.IMPORT_HEADER
                + Fixtures.row(
                    "x/1,uses,KEN,smart_city,,,,,,,,,deployed,2023-02-30,",
                    "aigs-2022,,,,,,,,,,,",
                    Fixtures.EVIDENCE));
    ImportException e = refused(db, f);
    assertThat(e.field()).isEqualTo("observed_from");
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.getMessage()).contains("2023-02-30").contains("not a real date");
  }

  @Test
  void aSourceUrlThatIsNotAWebAddressIsRefused() throws Exception {
    Database db = seeded();
    Path f =
        file(
            "url.csv",
            Fixtures.IMPORT_HEADER
                + Fixtures.row(
                    Fixtures.usesClaim("x/1", "KEN", "smart_city"),
                    ",document,ftp://files.example/report,,,Some Outlet,,2020,B,,,",
                    Fixtures.EVIDENCE));
    ImportException e = refused(db, f);
    assertThat(e.field()).isEqualTo("source_url");
    assertThat(e.getMessage()).contains("ftp://files.example/report");
  }

  @Test
  void aSourceIsStoredUnderItsCanonicalUrl() throws Exception {
    Database db = seeded();
    new ClaimImporter(db)
        .importFile(
            file(
                "canon.csv",
                Fixtures.IMPORT_HEADER
                    + Fixtures.row(
                        Fixtures.usesClaim("x/1", "KEN", "smart_city"),
                        ",document,http://www.News.example/story?utm_source=rss&id=4,,,Some"
                            + " Outlet,,2020,B,,,",
                        Fixtures.EVIDENCE)));
    org.custodiet.core.model.Source stored =
        new KnowledgeBaseRepository(db)
            .load()
            .sources()
            .get(
                org.custodiet.core.model.CanonicalUrl.documentId(
                    "https://news.example/story?id=4"));
    assertThat(stored).isNotNull();
    assertThat(stored.url()).isEqualTo("https://news.example/story?id=4");
  }

  @Test
  void duplicateRowsAreRefused() throws Exception {
    Database db = seeded();
    String row =
        Fixtures.row(
            Fixtures.usesClaim("x/1", "KEN", "smart_city"),
            "aigs-2022,,,,,,,,,,,",
            Fixtures.EVIDENCE);
    ImportException csv = refused(db, file("dup.csv", Fixtures.IMPORT_HEADER + row + row));
    assertThat(csv.line()).isEqualTo(3);
    assertThat(csv.getMessage()).contains("duplicate row").contains("dup.csv:2");
    String claim =
        "{\"id\": \"x/1\", \"kind\": \"uses\", \"country_iso3\": \"KEN\", \"technology\":"
            + " \"smart_city\", \"evidence\": [{\"source_id\": \"aigs-2022\"}]}";
    ImportException json =
        refused(db, file("dup.json", "{\"claims\": [\n" + claim + ",\n" + claim + "\n]}"));
    assertThat(json.line()).isEqualTo(3);
    assertThat(json.field()).isEqualTo("id");
    assertThat(json.getMessage()).contains("duplicate claim 'x/1'");
  }

  @Test
  void invalidUtf8IsRefusedWithItsByteOffset() throws Exception {
    Database db = seeded();
    byte[] head =
        (Fixtures.IMPORT_HEADER
                + Fixtures.row(
                    Fixtures.usesClaim("x/1", "KEN", "smart_city"), "aigs-2022,,,,,,,,,,,", ""))
            .getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(head);
    out.write(new byte[] {'C', 'a', 'f', (byte) 0xC3, '(', ',', ','});
    out.write('\n');
    Path f = tmp.resolve("latin.csv");
    Files.write(f, out.toByteArray());
    ImportException e = refused(db, f);
    assertThat(e.reason()).isEqualTo(Reason.MALFORMED);
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.getMessage()).contains("invalid UTF-8 at byte offset " + (head.length + 3));
  }

  @Test
  void truncatedCsvIsRefused() throws Exception {
    Database db = seeded();
    String good =
        Fixtures.row(
            Fixtures.usesClaim("x/1", "KEN", "smart_city"),
            "aigs-2022,,,,,,,,,,,",
            Fixtures.EVIDENCE);
    ImportException quote =
        refused(
            db,
            file(
                "quote.csv",
                Fixtures.IMPORT_HEADER
                    + good
                    + Fixtures.usesClaim("x/2", "KEN", "smart_city")
                    + ",aigs-2022,,,,,,,,,,,\"An unfinished summ"));
    assertThat(quote.reason()).isEqualTo(Reason.MALFORMED);
    assertThat(quote.line()).isEqualTo(3);
    ImportException shortRow =
        refused(
            db,
            file(
                "short.csv",
                Fixtures.IMPORT_HEADER
                    + good
                    + Fixtures.usesClaim("x/2", "KEN", "smart_city")
                    + ",aigs-2022"));
    assertThat(shortRow.reason()).isEqualTo(Reason.MALFORMED);
    assertThat(shortRow.line()).isEqualTo(3);
    assertThat(shortRow.getMessage()).contains("truncated");
  }

  @Test
  void truncatedJsonIsRefused() throws Exception {
    Database db = seeded();
    ImportException e =
        refused(
            db,
            file(
                "cut.json",
                "{\"claims\": [\n  {\"id\": \"x/1\", \"kind\": \"uses\",\n   \"country_iso3\": \"KE"));
    assertThat(e.reason()).isEqualTo(Reason.MALFORMED);
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.getMessage()).contains("end of input");
  }

  @Test
  void oversizedFileIsRefusedBeforeReading() throws Exception {
    Database db = seeded();
    Path f = tmp.resolve("huge.csv");
    try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
      raf.setLength(100L * 1024 * 1024); // sparse: nothing is actually written
    }
    long t0 = System.nanoTime();
    ImportException e = refused(db, f);
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE);
    assertThat(e.getMessage()).contains("104857600 bytes").contains("nothing was read");
    assertThat(ms).isLessThan(2000);
    // the limit is configurable
    Path small = file("small.csv", Fixtures.IMPORT_HEADER);
    assertThatThrownBy(() -> new ClaimImporter(db, 10).importFile(small))
        .isInstanceOfSatisfying(
            ImportException.class, x -> assertThat(x.reason()).isEqualTo(Reason.TOO_LARGE));
  }

  // ------------------------------------------------------------------------------ export

  /** The fixture seed's reference tables only: no claims, evidence or flags. */
  Database referenceOnly(Map<String, String> seed, String dir) throws Exception {
    Map<String, String> ref = new LinkedHashMap<>(seed);
    ref.put("claims.csv", Fixtures.CLAIM_HEADER);
    ref.put("evidence.csv", Fixtures.EVIDENCE_HEADER);
    ref.put("flags.csv", Fixtures.FLAG_HEADER);
    Database db = fresh();
    assertThat(
            new SeedLoader(db)
                .load(SeedFiles.directory(Fixtures.write(tmp.resolve(dir), ref)))
                .status())
        .isEqualTo(SeedResult.Status.LOADED);
    return db;
  }

  void assertSameClaimsAndEvidence(Database a, Database b) {
    KnowledgeBase ka = new KnowledgeBaseRepository(a).load();
    KnowledgeBase kb = new KnowledgeBaseRepository(b).load();
    assertThat(kb.claims()).isEqualTo(ka.claims());
    assertThat(kb.evidence()).containsExactlyElementsOf(ka.evidence());
    assertThat(kb.sources()).isEqualTo(ka.sources());
    b.jdbi()
        .useHandle(
            h -> assertThat(Tables.claims(h)).isEqualTo(a.jdbi().withHandle(Tables::claims)));
  }

  @Test
  void exportThenImportRoundTripsInCsvAndJson() throws Exception {
    Database a = seeded();
    new ClaimImporter(a)
        .importFile(
            file(
                "extra.csv",
                Fixtures.IMPORT_HEADER
                    + Fixtures.row(
                        "x/CIV/fin/2,finances,CIV,,,,china-exim-bank,grant,250,EUR,\"Abidjan, Plateau\",\"Police \"\"nationale\"\"\",contracted,2020-07,2022",
                        Fixtures.newSource("doc-dddddddddddd", "https://news.example.com/d"),
                        "\"Line one\nline two, with “quotes” and é\",p. 3,2026-03-04")));
    for (String ext : List.of("csv", "json")) {
      Path out = tmp.resolve("export." + ext);
      int n = new Exporter(a).export(out);
      assertThat(n).isEqualTo(5);
      Database b = referenceOnly(Fixtures.seed(), "ref-" + ext);
      ImportResult r = new ClaimImporter(b).importFile(out);
      assertThat(r.claimsAdded()).isEqualTo(5);
      assertSameClaimsAndEvidence(a, b);
      // exporting b gives the same bytes
      Path again = tmp.resolve("again." + ext);
      new Exporter(b).export(again);
      assertThat(Files.readString(again)).isEqualTo(Files.readString(out));
    }
  }

  @Test
  void bundledSeedRoundTripsThroughExport() throws Exception {
    SeedFiles bundled = SeedFiles.bundled();
    Assumptions.assumeTrue(bundled.read("claims.csv") != null, "no bundled seed in this build");
    Database a = fresh();
    assertThat(new SeedLoader(a).loadBundled().status()).isEqualTo(SeedResult.Status.LOADED);
    Map<String, String> seed = new LinkedHashMap<>();
    for (String name : SeedFiles.NAMES) {
      byte[] bytes = bundled.read(name);
      if (bytes != null) {
        seed.put(name, new String(bytes, StandardCharsets.UTF_8));
      }
    }
    Path out = tmp.resolve("bundled.csv");
    new Exporter(a).export(out);
    Database b = referenceOnly(seed, "bundled-ref");
    ImportResult r = new ClaimImporter(b).importFile(out);
    assertThat(r.sourcesAdded()).isZero();
    assertSameClaimsAndEvidence(a, b);
  }
}
