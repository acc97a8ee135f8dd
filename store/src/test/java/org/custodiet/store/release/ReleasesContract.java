package org.custodiet.store.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.custodiet.core.audit.AuditEntry;
import org.custodiet.core.index.IndexEngine;
import org.custodiet.core.index.IndexQuery;
import org.custodiet.core.model.KnowledgeBase;
import org.custodiet.store.ClaimImporter;
import org.custodiet.store.Database;
import org.custodiet.store.KnowledgeBaseRepository;
import org.custodiet.store.SeedLoader;
import org.custodiet.store.audit.AuditLog;
import org.custodiet.store.export.ExportData;
import org.custodiet.store.export.ExportDataset;
import org.custodiet.store.export.ExportFormat;
import org.custodiet.store.export.Exports;
import org.custodiet.store.release.ReleaseDiff.FigureMovement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Releases against each database the store supports, over the bundled seed. */
abstract class ReleasesContract {
  static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);

  @TempDir Path tmp;
  private final List<Database> opened = new ArrayList<>();

  protected abstract Database createDatabase() throws Exception;

  Database seeded() throws Exception {
    Database db = createDatabase();
    opened.add(db);
    new SeedLoader(db).loadBundled();
    return db;
  }

  @AfterEach
  void closeAll() {
    opened.forEach(Database::close);
  }

  /** A country no established claim puts in the index yet, so that a new claim moves figures. */
  static String countryOutsideTheIndex(KnowledgeBase kb) {
    var any = new IndexEngine(kb).compute(IndexQuery.living(AS_OF)).figure("countries.any");
    List<String> counted = any.orElseThrow().countries();
    return kb.countries().keySet().stream()
        .filter(c -> !counted.contains(c))
        .sorted()
        .findFirst()
        .orElseThrow();
  }

  /** Imports one claim that a tier-A source establishes: {@code iso3} uses facial recognition. */
  static void importEstablishedClaim(Database db, Path dir, String claimId, String iso3)
      throws Exception {
    Path file = dir.resolve("release-test-" + Math.abs(claimId.hashCode()) + ".json");
    Files.writeString(
        file,
        """
        {"format": "custodiet-claims/1",
         "sources": [{"id": "doc-%s", "type": "document",
           "url": "https://procurement.example.gov/award/%s",
           "title": "Contract award for a face matching system", "publisher": "Example Ministry",
           "published": "2024-03-01", "tier": "A", "kind": "official"}],
         "claims": [{"id": "%s", "kind": "uses", "country_iso3": "%s",
           "technology": "facial_recognition",
           "evidence": [{"source_id": "doc-%s",
             "summary": "The ministry awarded a contract for face matching at checkpoints"}]}]}
        """
            .formatted(hex12(claimId), hex12(claimId), claimId, iso3, hex12(claimId)));
    new ClaimImporter(db).importFile(file);
  }

  static String hex12(String s) {
    return String.format("%012x", Math.abs((long) s.hashCode()) * 7919L).substring(0, 12);
  }

  @Test
  void aReleaseFreezesClaimsFiguresAndTheAuditHeadAndLogsItself() throws Exception {
    Database db = seeded();
    AuditLog log = new AuditLog(db);
    var headBefore = log.head();
    Releases releases = new Releases(db);
    Release r = releases.create("2026-11", "First monthly release", AS_OF, "cli:tester");

    assertThat(r.auditSeq()).isEqualTo(headBefore.seq());
    assertThat(r.auditHash()).isEqualTo(headBefore.entryHash());
    KnowledgeBase kb = new KnowledgeBaseRepository(db).load();
    IndexEngine engine = new IndexEngine(kb);
    FrozenState state = releases.state("2026-11");
    assertThat(state.claims()).hasSize(r.claimCount());
    assertThat(r.establishedCount()).isPositive().isLessThanOrEqualTo(r.claimCount());
    assertThat(state.figures())
        .extracting(FrozenState.FrozenFigure::value)
        .containsExactlyElementsOf(
            FrozenState.of(engine, AS_OF).figures().stream()
                .map(FrozenState.FrozenFigure::value)
                .toList());
    assertThat(state.figures())
        .filteredOn(f -> f.id().equals("countries.any"))
        .singleElement()
        .extracting(FrozenState.FrozenFigure::value)
        .isEqualTo(engine.compute(IndexQuery.living(AS_OF)).value("countries.any"));

    AuditEntry entry = log.latest(1).get(0);
    assertThat(entry.action()).isEqualTo("release");
    assertThat(entry.subjectId()).isEqualTo("2026-11");
    assertThat(entry.actor()).isEqualTo("cli:tester");
    assertThat(entry.seq()).isEqualTo(headBefore.seq() + 1);
    assertThat(entry.detail()).contains("\"audit_seq\":" + headBefore.seq());
    assertThat(log.verify().intact()).isTrue();

    assertThat(releases.list()).extracting(Release::name).containsExactly("2026-11");
    assertThat(releases.get("2026-11").note()).isEqualTo("First monthly release");
    assertThat(releases.anchorsMatch(log).ok()).isTrue();
  }

  @Test
  void badDuplicateAndUnknownNamesAreRefusedAndNothingIsWritten() throws Exception {
    Database db = seeded();
    Releases releases = new Releases(db);
    releases.create("v1", null, AS_OF, "cli:tester");
    long entries = new AuditLog(db).head().seq();
    for (String bad :
        List.of("", "has space", "a/b", "x".repeat(65), "current", "naïve", "semi;colon")) {
      assertThatThrownBy(() -> releases.create(bad, null, AS_OF, "cli:tester"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("release name");
    }
    assertThatThrownBy(() -> releases.create("v1", null, AS_OF, "cli:tester"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'v1' is taken");
    assertThatThrownBy(() -> releases.create("v2", "n".repeat(2001), AS_OF, "cli:tester"))
        .hasMessageContaining("release note");
    assertThat(releases.list()).extracting(Release::name).containsExactly("v1");
    assertThat(new AuditLog(db).head().seq()).isEqualTo(entries);
    assertThatThrownBy(() -> releases.state("nope"))
        .isInstanceOf(UnknownReleaseException.class)
        .hasMessage("unknown release 'nope'");
    assertThatThrownBy(() -> releases.diff("v1", "nope", null))
        .isInstanceOf(UnknownReleaseException.class);
    assertThatThrownBy(() -> releases.knowledgeBase("../v1"))
        .isInstanceOf(UnknownReleaseException.class);
  }

  @Test
  void aDiffAfterAnImportShowsTheAddedClaimAndTheFiguresItMoves() throws Exception {
    Database db = seeded();
    Releases releases = new Releases(db);
    releases.create("before", null, AS_OF, "cli:tester");
    String iso3 = countryOutsideTheIndex(new KnowledgeBaseRepository(db).load());
    importEstablishedClaim(db, tmp, "test/" + iso3 + "/uses/fr", iso3);
    releases.create("after", "with one import", AS_OF, "cli:tester");

    ReleaseDiff diff = releases.diff("before", "after", null);
    assertThat(diff.added())
        .containsExactly(
            new ReleaseDiff.ClaimEntry("test/" + iso3 + "/uses/fr", "established", true));
    assertThat(diff.removed()).isEmpty();
    assertThat(diff.changed()).isEmpty();
    FigureMovement any = movement(diff, "countries.any");
    assertThat(any.delta()).isEqualTo(1);
    assertThat(movement(diff, "countries.technology.facial_recognition").delta()).isEqualTo(1);
    assertThat(movement(diff, "countries.technology.smart_city").delta()).isZero();
    assertThat(diff.moved()).extracting(FigureMovement::id).contains("countries.any");

    ReleaseDiff back = releases.diff("after", "before", null);
    assertThat(back.removed())
        .extracting(ReleaseDiff.ClaimEntry::id)
        .containsExactly("test/" + iso3 + "/uses/fr");
    assertThat(movement(back, "countries.any").delta()).isEqualTo(-1);

    ReleaseDiff live =
        releases.diff(
            "before", Releases.CURRENT, new IndexEngine(new KnowledgeBaseRepository(db).load()));
    assertThat(live.added())
        .extracting(ReleaseDiff.ClaimEntry::id)
        .contains("test/" + iso3 + "/uses/fr");
    assertThat(live.to()).isEqualTo("current");
  }

  @Test
  void aFlagShowsAsAChangedClaimWithItsChangedFields() throws Exception {
    Database db = seeded();
    Releases releases = new Releases(db);
    releases.create("a", null, AS_OF, "cli:tester");
    String claimId =
        releases.state("a").claims().stream()
            .filter(c -> c.status().equals("established"))
            .findFirst()
            .orElseThrow()
            .id();
    db.jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        "INSERT INTO claim_flag (claim_id, kind, effective, reason)"
                            + " VALUES (:id, 'disputed', DATE '2025-01-01', 'Test: the source was withdrawn')")
                    .bind("id", claimId)
                    .execute());
    releases.create("b", null, AS_OF, "cli:tester");
    ReleaseDiff diff = releases.diff("a", "b", null);
    assertThat(diff.changed()).hasSize(1);
    ReleaseDiff.ClaimChange change = diff.changed().get(0);
    assertThat(change.id()).isEqualTo(claimId);
    assertThat(change.fields())
        .contains("status", "flags", "counts")
        .doesNotContain("country_iso3");
    assertThat(change.statusBefore()).isEqualTo("established");
    assertThat(change.statusAfter()).isEqualTo("disputed");
  }

  @Test
  void aReleaseExportsAsItWasAfterTheDataMovedOn() throws Exception {
    Database db = seeded();
    Releases releases = new Releases(db);
    releases.create("frozen", null, AS_OF, "cli:tester");
    String before = figuresCsv(new IndexEngine(new KnowledgeBaseRepository(db).load()));
    String iso3 = countryOutsideTheIndex(new KnowledgeBaseRepository(db).load());
    importEstablishedClaim(db, tmp, "test/" + iso3 + "/uses/fr2", iso3);
    String live = figuresCsv(new IndexEngine(new KnowledgeBaseRepository(db).load()));
    assertThat(live).isNotEqualTo(before);

    KnowledgeBase frozen = releases.knowledgeBase("frozen");
    assertThat(frozen.claims()).doesNotContainKey("test/" + iso3 + "/uses/fr2");
    assertThat(figuresCsv(new IndexEngine(frozen))).isEqualTo(before);
    assertThat(frozen.claims().size())
        .isEqualTo(new KnowledgeBaseRepository(db).load().claims().size() - 1);
  }

  private static String figuresCsv(IndexEngine engine) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Exports.write(
        new ExportData(engine, IndexQuery.living(AS_OF)),
        ExportFormat.CSV,
        List.of(ExportDataset.FIGURES),
        out);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void anchorsThatNoLongerMatchTheLogAreNamed() throws Exception {
    Database db = seeded();
    Releases releases = new Releases(db);
    releases.create("r1", null, AS_OF, "cli:tester");
    releases.create("r2", null, AS_OF, "cli:tester");
    AuditLog log = new AuditLog(db);
    assertThat(releases.anchorsMatch(log).ok()).isTrue();
    db.jdbi()
        .useHandle(
            h ->
                h.execute(
                    "UPDATE data_release SET audit_hash = '"
                        + "f".repeat(64)
                        + "' WHERE name = 'r2'"));
    Releases.AnchorCheck check = releases.anchorsMatch(log);
    assertThat(check.releases()).isEqualTo(2);
    assertThat(check.problems())
        .singleElement()
        .asString()
        .startsWith("release r2:")
        .contains("but the release recorded");
    db.jdbi()
        .useHandle(h -> h.execute("UPDATE data_release SET audit_seq = 99999 WHERE name = 'r1'"));
    assertThat(releases.anchorsMatch(log).problems())
        .anyMatch(p -> p.contains("release r1") && p.contains("missing from the log"));
  }

  private static FigureMovement movement(ReleaseDiff diff, String id) {
    return diff.figures().stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow();
  }
}
