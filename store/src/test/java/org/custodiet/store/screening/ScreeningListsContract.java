package org.custodiet.store.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.custodiet.core.audit.AuditEntry;
import org.custodiet.core.screening.ScreeningQuery;
import org.custodiet.store.Database;
import org.custodiet.store.ImportException;
import org.custodiet.store.SeedLoader;
import org.custodiet.store.audit.AuditLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Imports, re-imports, refusals and remembered decisions against each database the store supports.
 * One seeded database per class; every test works on lists of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ScreeningListsContract {
  @TempDir Path tmp;

  Database db;
  ScreeningLists lists;

  protected abstract Database createDatabase(Path dir) throws Exception;

  @BeforeAll
  void seededDatabase() throws Exception {
    db = createDatabase(Files.createTempDirectory("screening-"));
    new SeedLoader(db).loadBundled();
    lists = new ScreeningLists(db);
  }

  @AfterAll
  void close() {
    db.close();
  }

  static Path fixture(String name) {
    return Path.of("src/test/resources/screening", name);
  }

  static ImportRequest request(String list, ListFormat format, String date) {
    return new ImportRequest(
        list,
        "Test list " + list,
        format,
        LocalDate.parse(date),
        "https://example.org/lists/" + list,
        "public domain",
        null,
        "user:tester");
  }

  private int rows(String table, String listId) {
    String where =
        table.equals("list_change")
            ? " WHERE version_id IN (SELECT id FROM list_version WHERE list_id = :l)"
            : table.equals("screening_list") ? " WHERE id = :l" : " WHERE list_id = :l";
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT COUNT(*) FROM " + table + where)
                    .bind("l", listId)
                    .mapTo(Integer.class)
                    .one());
  }

  private void assertNothingWritten(String listId) {
    for (String table :
        List.of("screening_list", "list_version", "list_entry", "list_entry_name", "list_change")) {
      assertThat(rows(table, listId)).as(table).isZero();
    }
  }

  private List<AuditEntry> log(String listId) {
    return new AuditLog(db).history("screening_list", listId);
  }

  @Test
  void aCslCsvFileIsImportedWithNamesAliasesCountriesAndItsVersion() {
    ImportOutcome outcome =
        lists.importFile(
            fixture("csl-2024-01-05.csv"), request("csl-a", ListFormat.CSL_CSV, "2024-01-05"));

    assertThat(outcome.status()).isEqualTo(ImportOutcome.Status.IMPORTED);
    assertThat(outcome.version().entryCount()).isEqualTo(4);
    assertThat(outcome.version().added()).isEqualTo(4);
    StoredEntry lantern = entry("csl-a", "a1f0");
    assertThat(lantern.name()).isEqualTo("Lantern Vision Systems Co., Ltd.");
    assertThat(lantern.names())
        .extracting(EntryName::name)
        .containsExactly(
            "Lantern Vision Systems Co., Ltd.",
            "Lantern Vision",
            "Ningbo Lantern Vision Technology Co., Ltd.");
    assertThat(lantern.countries()).containsExactly("CHN");
    assertThat(lantern.schema()).isEqualTo("Organization");
    assertThat(lantern.datasets())
        .containsExactly("Entity List (EL) - Bureau of Industry and Security");
    assertThat(lantern.property("license_policy")).isEqualTo("Presumption of denial.");
    assertThat(entry("csl-a", "b2e1").countries()).containsExactly("ARE", "SGP");
    assertThat(entry("csl-a", "c3d2").schema()).isEqualTo("Vessel");

    ScreeningList list = lists.list("csl-a").orElseThrow();
    assertThat(list.sourceUrl()).isEqualTo("https://example.org/lists/csl-a");
    assertThat(list.licence()).isEqualTo("public domain");
    assertThat(list.latest().versionDate()).isEqualTo(LocalDate.parse("2024-01-05"));
    assertThat(list.latest().sha256()).hasSize(64);
    assertThat(log("csl-a"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.action()).isEqualTo("list_import");
              assertThat(e.actor()).isEqualTo("user:tester");
              assertThat(e.detail()).contains("\"added\":4");
            });
  }

  @Test
  void aNewerVersionRecordsWhatItAddedRemovedAndChanged() {
    lists.importFile(
        fixture("csl-2024-01-05.csv"), request("csl-b", ListFormat.CSL_CSV, "2024-01-05"));
    ImportOutcome second =
        lists.importFile(
            fixture("csl-2024-02-09.csv"), request("csl-b", ListFormat.CSL_CSV, "2024-02-09"));

    assertThat(second.version().added()).isEqualTo(1);
    assertThat(second.version().removed()).isEqualTo(1);
    assertThat(second.version().changed()).isEqualTo(1);
    List<ListChange> changes =
        lists.changes("csl-b").stream()
            .filter(c -> c.versionDate().equals(LocalDate.parse("2024-02-09")))
            .toList();
    assertThat(changes)
        .extracting(c -> c.kind() + " " + c.entryId() + " " + c.name())
        .containsExactlyInAnyOrder(
            "ADDED e5b4 Copperfield Surveillance Institute",
            "REMOVED d4c3 Old Harbour Trading LLC",
            "CHANGED b2e1 Quietwater Analytics FZE");
    assertThat(rows("list_entry", "csl-b")).isEqualTo(4);
    assertThat(lists.entries())
        .filteredOn(e -> e.listId().equals("csl-b"))
        .extracting(StoredEntry::entryId)
        .containsExactlyInAnyOrder("a1f0", "b2e1", "c3d2", "e5b4");
    assertThat(lists.versions("csl-b")).hasSize(2);
    assertThat(log("csl-b")).hasSize(2);
  }

  @Test
  void theSameVersionTwiceChangesNothingAndAnOlderOneIsRefused() {
    lists.importFile(
        fixture("csl-2024-02-09.csv"), request("csl-c", ListFormat.CSL_CSV, "2024-02-09"));
    ImportOutcome again =
        lists.importFile(
            fixture("csl-2024-02-09.csv"), request("csl-c", ListFormat.CSL_CSV, "2024-02-09"));
    assertThat(again.status()).isEqualTo(ImportOutcome.Status.ALREADY_IMPORTED);
    assertThat(lists.versions("csl-c")).hasSize(1);

    assertThatThrownBy(
            () ->
                lists.importFile(
                    fixture("csl-2024-01-05.csv"),
                    request("csl-c", ListFormat.CSL_CSV, "2024-01-05")))
        .isInstanceOf(ImportException.class)
        .hasMessageContaining("older than the version already imported")
        .satisfies(
            e ->
                assertThat(((ImportException) e).reason())
                    .isEqualTo(ImportException.Reason.CONFLICT));
    assertThatThrownBy(
            () ->
                lists.importFile(
                    fixture("csl-2024-01-05.csv"),
                    request("csl-c", ListFormat.CSL_CSV, "2024-02-09")))
        .isInstanceOf(ImportException.class)
        .hasMessageContaining("already imported from a different file");
    assertThat(lists.versions("csl-c")).hasSize(1);
    assertThat(rows("list_entry", "csl-c")).isEqualTo(4);
    assertThat(log("csl-c")).hasSize(1);
  }

  @Test
  void theJsonLayoutGivesTheSameEntriesAsTheCsv() {
    lists.importFile(
        fixture("csl-2024-01-05.csv"), request("csl-d", ListFormat.CSL_CSV, "2024-01-05"));
    lists.importFile(
        fixture("csl-2024-01-05.json"), request("csl-e", ListFormat.CSL_JSON, "2024-01-05"));
    for (String id : List.of("a1f0", "b2e1", "c3d2", "d4c3")) {
      StoredEntry csv = entry("csl-d", id);
      StoredEntry json = entry("csl-e", id);
      assertThat(json.names()).as(id).isEqualTo(csv.names());
      assertThat(json.countries()).as(id).isEqualTo(csv.countries());
      assertThat(json.schema()).as(id).isEqualTo(csv.schema());
      assertThat(json.datasets()).as(id).isEqualTo(csv.datasets());
    }
  }

  @Test
  void followTheMoneyEntitiesKeepPartiesAndCountTheRest() {
    ImportOutcome outcome =
        lists.importFile(
            fixture("entities.ftm.json"), request("os-a", ListFormat.FTM, "2024-01-04"));

    assertThat(outcome.skipped()).isEqualTo(Map.of("Address", 1, "Sanction", 1));
    assertThat(outcome.version().skipped()).isEqualTo(2);
    assertThat(outcome.version().entryCount()).isEqualTo(3);
    StoredEntry lantern = entry("os-a", "os-lantern");
    assertThat(lantern.names())
        .extracting(n -> n.kind() + ":" + n.name())
        .containsExactly(
            "NAME:Lantern Vision Systems Co., Ltd.", "ALIAS:Lantern Vision", "WEAK_ALIAS:LVS");
    assertThat(lantern.countries()).containsExactly("CHN");
    assertThat(lantern.datasets()).containsExactly("us_trade_csl", "eu_fsf");
    assertThat(lantern.firstSeen()).isEqualTo("2021-03-01T10:00:00");
    assertThat(lantern.lastSeen()).isEqualTo("2024-01-04T10:00:00");
    assertThat(lantern.properties()).containsEntry("topics", List.of("sanction"));
    StoredEntry bureau = entry("os-a", "os-bureau");
    assertThat(bureau.schema()).isEqualTo("PublicBody");
    assertThat(bureau.names())
        .extracting(EntryName::kind)
        .containsExactly(EntryName.Kind.NAME, EntryName.Kind.PREVIOUS_NAME);
    // "suhh" (the Soviet Union) names no present country and is dropped; "ru" is kept.
    assertThat(entry("os-a", "os-person").countries()).containsExactly("RUS");
  }

  @Test
  void aCsvWithAnUnbalancedQuoteIsRefusedNamingItsLine() {
    assertThatThrownBy(
            () ->
                lists.importFile(
                    fixture("csl-bad-quote.csv"),
                    request("bad-a", ListFormat.CSL_CSV, "2024-01-05")))
        .isInstanceOfSatisfying(
            ImportException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(ImportException.Reason.MALFORMED);
              assertThat(e.file()).isEqualTo("csl-bad-quote.csv");
              assertThat(e.line()).isEqualTo(3);
            });
    assertNothingWritten("bad-a");
  }

  @Test
  void aFileWithTheWrongHeaderIsRefusedNamingTheMissingColumns() {
    assertThatThrownBy(
            () ->
                lists.importFile(
                    fixture("csl-wrong-header.csv"),
                    request("bad-b", ListFormat.CSL_CSV, "2024-01-05")))
        .isInstanceOfSatisfying(
            ImportException.class,
            e -> {
              assertThat(e.line()).isEqualTo(1);
              assertThat(e.field()).isEqualTo("_id");
              assertThat(e.getMessage()).contains("missing column(s) _id, source");
            });
    assertNothingWritten("bad-b");
  }

  @Test
  void anUnknownCountryCodeIsRefusedNamingLineAndField() {
    assertThatThrownBy(
            () ->
                lists.importFile(
                    fixture("csl-unknown-country.csv"),
                    request("bad-c", ListFormat.CSL_CSV, "2024-01-05")))
        .isInstanceOfSatisfying(
            ImportException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(ImportException.Reason.INVALID);
              assertThat(e.line()).isEqualTo(3);
              assertThat(e.field()).isEqualTo("addresses");
              assertThat(e.getMessage()).contains("unknown country code 'QQ'");
            });
    assertNothingWritten("bad-c");
    assertThatThrownBy(
            () ->
                lists.importFile(
                    fixture("entities-bad-country.ftm.json"),
                    request("bad-d", ListFormat.FTM, "2024-01-05")))
        .isInstanceOfSatisfying(
            ImportException.class,
            e -> {
              assertThat(e.line()).isEqualTo(2);
              assertThat(e.field()).isEqualTo("properties.country");
            });
    assertNothingWritten("bad-d");
  }

  @Test
  void invalidJsonIsRefusedNamingItsLine() {
    assertThatThrownBy(
            () ->
                lists.importFile(
                    fixture("entities-bad-json.ftm.json"),
                    request("bad-e", ListFormat.FTM, "2024-01-05")))
        .isInstanceOfSatisfying(
            ImportException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(ImportException.Reason.MALFORMED);
              assertThat(e.line()).isEqualTo(3);
              assertThat(e.getMessage()).contains("invalid JSON");
            });
    assertNothingWritten("bad-e");
  }

  @Test
  void aBrokenUpdateLeavesTheImportedVersionAsItWas() throws Exception {
    lists.importFile(
        fixture("csl-2024-01-05.csv"), request("csl-f", ListFormat.CSL_CSV, "2024-01-05"));
    Path broken = tmp.resolve("broken.json");
    Files.writeString(
        broken,
        "{\"results\": [{\"_id\": \"z1\", \"name\": \"Z\"},\n  {\"_id\": ",
        StandardCharsets.UTF_8);
    assertThatThrownBy(
            () -> lists.importFile(broken, request("csl-f", ListFormat.CSL_JSON, "2024-03-01")))
        .isInstanceOf(ImportException.class)
        .hasMessageContaining("broken.json:2");
    Path latin1 = tmp.resolve("latin1.csv");
    byte[] header =
        (String.join(",", CslCsvReader.COLUMNS) + "\nx1,,,Entity,,Caf")
            .getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[header.length + 2];
    System.arraycopy(header, 0, bytes, 0, header.length);
    bytes[header.length] = (byte) 0xE9;
    bytes[header.length + 1] = '\n';
    Files.write(latin1, bytes);
    assertThatThrownBy(
            () -> lists.importFile(latin1, request("csl-f", ListFormat.CSL_CSV, "2024-03-02")))
        .isInstanceOf(ImportException.class)
        .hasMessageContaining("not valid UTF-8");
    assertThatThrownBy(
            () ->
                lists.importFile(
                    fixture("csl-2024-02-09.csv"),
                    request("csl-f", ListFormat.CSL_CSV, "2024-03-03"),
                    100))
        .isInstanceOfSatisfying(
            ImportException.class,
            e -> assertThat(e.reason()).isEqualTo(ImportException.Reason.TOO_LARGE));
    assertThat(lists.versions("csl-f")).hasSize(1);
    assertThat(rows("list_entry", "csl-f")).isEqualTo(4);
    assertThat(entry("csl-f", "d4c3").name()).isEqualTo("Old Harbour Trading LLC");
  }

  @Test
  void namesWithControlCharactersOrEmptyNamesAreRefused() throws Exception {
    Path file = tmp.resolve("names.ftm.json");
    Files.writeString(
        file,
        "{\"id\":\"n1\",\"schema\":\"Company\",\"properties\":{\"name\":[\"Bell\\u0007 Ltd\"]}}\n"
            + "{\"id\":\"n2\",\"schema\":\"Company\",\"properties\":{\"name\":[\"  \"]}}\n"
            + "{\"id\":\"n3\",\"schema\":\"Company\",\"properties\":{\"name\":[\""
            + "x".repeat(2001)
            + "\"]}}\n",
        StandardCharsets.UTF_8);
    assertThatThrownBy(() -> lists.importFile(file, request("bad-f", ListFormat.FTM, "2024-01-01")))
        .isInstanceOfSatisfying(
            ImportException.class,
            e -> {
              assertThat(e.problems())
                  .extracting(p -> p.line() + " " + p.field())
                  .contains("1 properties.name", "2 properties.name", "3 properties.name");
              assertThat(e.getMessage())
                  .contains("control character")
                  .contains("over the limit of 2000");
            });
    assertNothingWritten("bad-f");
  }

  @Test
  void theBuiltInListsFollowTheKnowledgeBase() {
    BuiltInLists builtIn = new BuiltInLists(lists);
    List<ImportOutcome> first = builtIn.refresh("job:test");
    List<ImportOutcome> second = builtIn.refresh("job:test");

    assertThat(second)
        .allSatisfy(o -> assertThat(o.status()).isEqualTo(ImportOutcome.Status.ALREADY_IMPORTED));
    assertThat(first.get(0).version().listId()).isEqualTo(BuiltInLists.ENTITY_LIST);
    StoredEntry hikvision = entry(BuiltInLists.ENTITY_LIST, "hikvision");
    assertThat(hikvision.names())
        .extracting(EntryName::name)
        .contains("Hikvision", "Hangzhou Hikvision Digital Technology Co., Ltd.", "海康威视");
    assertThat(hikvision.countries()).containsExactly("CHN");
    assertThat(hikvision.property("listed_on")).isEqualTo("2019-10-09");
    assertThat(entry(BuiltInLists.COMPANIES, "palantir").countries()).containsExactly("USA");
    int companies =
        db.jdbi()
            .withHandle(
                h -> h.createQuery("SELECT COUNT(*) FROM company").mapTo(Integer.class).one());
    assertThat(first.get(1).version().entryCount()).isEqualTo(companies);

    db.jdbi()
        .useHandle(
            h ->
                h.execute(
                    "INSERT INTO company_alias (company_id, position, alias) VALUES ('palantir',"
                        + " 99, 'Palantir Technologies Inc.')"));
    List<ImportOutcome> third = builtIn.refresh("job:test");
    assertThat(third.get(0).status()).isEqualTo(ImportOutcome.Status.ALREADY_IMPORTED);
    assertThat(third.get(1).status()).isEqualTo(ImportOutcome.Status.IMPORTED);
    assertThat(third.get(1).version().changed()).isEqualTo(1);
  }

  @Test
  void aFalsePositiveIsRememberedForTheSamePairAndLogged() {
    lists.importFile(
        fixture("csl-2024-01-05.csv"), request("csl-g", ListFormat.CSL_CSV, "2024-01-05"));
    ScreeningQuery query =
        new ScreeningQuery(
            "Lantern Vision Systems", null, java.util.Set.of(), java.util.Set.of("csl-g"));
    Screening before = Screening.load(db);
    assertThat(before.screen(query, 5).hits())
        .extracting(h -> h.entry().listId() + "/" + h.entry().entryId())
        .contains("csl-g/a1f0");

    ScreeningDecisions decisions = new ScreeningDecisions(db);
    Decision d =
        decisions.record(
            "Lantern Vision Systems",
            "csl-g",
            "a1f0",
            Decision.Verdict.FALSE_POSITIVE,
            "our supplier is the Lantern Vision of Porto, not the listed firm",
            "user:alice");

    Screening after = Screening.load(db);
    Screening.Result again =
        after.screen(
            new ScreeningQuery(
                "LANTERN  vision systems", null, java.util.Set.of(), java.util.Set.of("csl-g")),
            5);
    assertThat(again.hits())
        .extracting(h -> h.entry().listId() + "/" + h.entry().entryId())
        .doesNotContain("csl-g/a1f0");
    assertThat(again.dismissed())
        .singleElement()
        .satisfies(
            h -> {
              assertThat(h.decision().actor()).isEqualTo("user:alice");
              assertThat(h.decision().reason()).contains("Porto");
            });
    assertThat(new AuditLog(db).history("screening_decision", Long.toString(d.id())))
        .singleElement()
        .satisfies(e -> assertThat(e.action()).isEqualTo("screening_decision"));

    decisions.record(
        "Lantern Vision Systems",
        "csl-g",
        "a1f0",
        Decision.Verdict.CONFIRMED,
        "the Porto firm turned out to be a front",
        "user:bob");
    Screening.Result confirmed = Screening.load(db).screen(query, 5);
    assertThat(confirmed.hits())
        .filteredOn(h -> h.entry().listId().equals("csl-g") && h.entry().entryId().equals("a1f0"))
        .singleElement()
        .satisfies(h -> assertThat(h.confirmed()).isTrue());
  }

  @Test
  void aDecisionNeedsAReasonAndAnEntryTheListHolds() {
    ScreeningDecisions decisions = new ScreeningDecisions(db);
    assertThatThrownBy(
            () ->
                decisions.record(
                    "Anything",
                    "kb-companies",
                    "no-such-firm",
                    Decision.Verdict.CONFIRMED,
                    "x",
                    "user:a"))
        .isInstanceOf(ScreeningDecisions.UnknownEntryException.class);
    assertThatThrownBy(
            () ->
                decisions.record(
                    "Anything",
                    "kb-companies",
                    "huawei",
                    Decision.Verdict.CONFIRMED,
                    " ",
                    "user:a"))
        .hasMessageContaining("reason");
    assertThatThrownBy(
            () ->
                decisions.record(
                    "\u0001", "kb-companies", "huawei", Decision.Verdict.CONFIRMED, "r", "user:a"))
        .hasMessageContaining("control character");
    assertThat(Screening.nameProblem("")).isEqualTo("is empty");
    assertThat(Screening.nameProblem("x".repeat(10_000))).contains("over the limit of 1000");
    assertThat(Screening.nameProblem("Acme\u0000Ltd")).contains("control characters");
    assertThat(Screening.nameProblem("Acme Ltd")).isNull();
  }

  private StoredEntry entry(String listId, String entryId) {
    return lists.entries().stream()
        .filter(e -> e.listId().equals(listId) && e.entryId().equals(entryId))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no entry " + listId + "/" + entryId));
  }
}
