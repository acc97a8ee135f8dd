package org.custodiet.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodiet.store.ClaimImporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line end to end, on a real embedded database seeded with the bundled data. */
class CommandLineTest {
  @TempDir static Path data;
  @TempDir Path work;

  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    CommandLine cli = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int exit = cli.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  static Run runOn(Path dir, String... args) {
    List<String> all = new ArrayList<>(List.of("--data", dir.toString()));
    all.addAll(List.of(args));
    return run(all.toArray(String[]::new));
  }

  @BeforeAll
  static void seed() {
    assertThat(runOn(data, "index", "--source", "aigs-2022").exit()).isZero();
  }

  @Test
  void indexJsonHasTheDocumentedShape() throws Exception {
    Run r =
        runOn(data, "index", "--source", "aigs-2022", "--format", "json", "--as-of", "2026-01-01");
    assertThat(r.exit()).isZero();
    JsonNode root = new ObjectMapper().readTree(r.out());
    assertThat(root.get("as_of").asText()).isEqualTo("2026-01-01");
    Map<String, JsonNode> byId = new LinkedHashMap<>();
    root.get("figures").forEach(f -> byId.put(f.get("id").asText(), f));
    assertThat(byId)
        .containsKeys(
            "countries.any",
            "countries.technology.facial_recognition",
            "countries.supplier_country.CHN",
            "countries.supplier_country.CHN.bri",
            "countries.company.huawei",
            "countries.regime.CA",
            "countries.regime.EA",
            "countries.regime.ED",
            "countries.regime.LD");
    JsonNode ld = byId.get("countries.regime.LD");
    assertThat(ld.get("value").asInt()).isEqualTo(22);
    assertThat(ld.get("denominator").asInt()).isEqualTo(34);
    assertThat(byId.get("countries.company.huawei").get("claims")).hasSize(51);
    assertThat(byId.get("countries.any").has("label")).isTrue();
  }

  @Test
  void livingIndexExplainsHowItDiffersFromTheRelease() {
    Run r = runOn(data, "index");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("How the living index differs from the AIGS 2022 release");
    assertThat(r.out()).containsPattern("countries.any: 97 -> \\d+");
  }

  @Test
  void compareWith2019SaysTheBundledDataIsNotThe2019Table() {
    Run r = runOn(data, "index", "--compare", "2019");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("not the 2019 report's 75-country table");
    assertThat(r.out())
        .containsPattern("countries.company.huawei\\s+50 \\(at least\\)\\s+\\d+\\s+51");
  }

  @Test
  void figureExplanationListsCountriesClaimsAndSources() {
    Run r = runOn(data, "index", "--source", "aigs-2022", "--figure", "countries.company.palantir");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).startsWith("countries.company.palantir = 9");
    assertThat(r.out()).contains("aigs/NZL/supplies/palantir").contains("gjhf5y4xjp/4");
    assertThat(r.out()).as("only the chosen source is cited").doesNotContain("gjhf5y4xjp/1");
  }

  @Test
  void countriesResolveByReviewedNames() {
    Run r = runOn(data, "country", "Burma/Myanmar", "--format", "json");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("\"iso3\" : \"MMR\"");
  }

  @Test
  void companiesResolveByMisspelledAlias() {
    Run r = runOn(data, "company", "Hikvsion");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).startsWith("Hikvision (hikvision)").contains("BIS Entity List");
  }

  @Test
  void unknownNamesExitWithNotFound() {
    Run r = runOn(data, "company", "No Such Vendor");
    assertThat(r.exit()).isEqualTo(Main.EXIT_NOT_FOUND);
    assertThat(r.err()).contains("no company 'No Such Vendor'");
    assertThat(runOn(data, "country", "Atlantis").exit()).isEqualTo(Main.EXIT_NOT_FOUND);
    assertThat(runOn(data, "index", "--source", "nope").err()).contains("unknown source 'nope'");
  }

  @Test
  void anImpossibleAsOfDateIsRejectedByName() {
    Run r = runOn(data, "index", "--as-of", "2023-02-30");
    assertThat(r.exit()).isEqualTo(Main.EXIT_INVALID_DATA);
    assertThat(r.err()).contains("--as-of").contains("2023-02-30");
  }

  @Test
  void aBadImportNamesFileLineAndFieldAndChangesNothing() throws Exception {
    Path dir = work.resolve("db");
    String before = runOn(dir, "index", "--format", "csv").out();
    Path file = work.resolve("bad.csv");
    Map<String, String> row = validRow("import/test/1", "KEN");
    row.put("country_iso3", "KEX");
    writeCsv(file, List.of(validRow("import/test/0", "KEN"), row));
    Run r = runOn(dir, "import", file.toString());
    assertThat(r.exit()).isEqualTo(Main.EXIT_INVALID_DATA);
    assertThat(r.err()).contains("bad.csv:3").contains("country_iso3").contains("KEX");
    assertThat(runOn(dir, "index", "--format", "csv").out()).isEqualTo(before);
  }

  @Test
  void anImportedClaimCountsAndExportRoundTrips() throws Exception {
    Path dir = work.resolve("db");
    Path file = work.resolve("good.csv");
    writeCsv(file, List.of(validRow("import/test/tuvalu", "TUV")));
    Run imported = runOn(dir, "import", file.toString());
    assertThat(imported.exit()).as(imported.err()).isZero();
    assertThat(imported.out()).contains("1 new claims");
    Run figure = runOn(dir, "index", "--figure", "countries.any");
    assertThat(figure.out()).contains("TUV").contains("import/test/tuvalu");

    Path exported = work.resolve("export.json");
    assertThat(runOn(dir, "export", "--format", "import", "-o", exported.toString()).exit())
        .isZero();
    Path fresh = work.resolve("fresh");
    Run reimport = runOn(fresh, "import", exported.toString());
    assertThat(reimport.exit()).as(reimport.err()).isZero();
    assertThat(runOn(fresh, "index", "--format", "json", "--as-of", "2026-11-27").out())
        .isEqualTo(runOn(dir, "index", "--format", "json", "--as-of", "2026-11-27").out());
  }

  @Test
  void benchmarkRunsAndAgreesWithItsBaseline() {
    Run r = run("bench", "--claims", "5000", "--runs", "1");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("(agree)").contains("full recompute");
  }

  @Test
  void claimsAreFilteredAndPaged() throws Exception {
    Run r =
        runOn(
            data,
            "claims",
            "--company",
            "Huawei",
            "--country",
            "Ecuador",
            "--counting",
            "--format",
            "json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode root = new ObjectMapper().readTree(r.out());
    assertThat(root.get("total").asInt()).isPositive();
    root.get("claims")
        .forEach(
            c -> {
              assertThat(c.get("country").asText()).isEqualTo("ECU");
              assertThat(c.get("counts").asBoolean()).isTrue();
              assertThat(c.get("evidence")).isNotEmpty();
            });
    Run disputed = runOn(data, "claims", "--status", "disputed", "--format", "csv");
    assertThat(disputed.out().lines().skip(1)).isNotEmpty().allMatch(l -> l.contains(",disputed,"));
    Run bad = runOn(data, "claims", "--status", "rumoured");
    assertThat(bad.exit()).isEqualTo(Main.EXIT_INVALID_DATA);
    assertThat(bad.err()).contains("--status").contains("rumoured");
    assertThat(runOn(data, "claims", "--limit", "5000").err()).contains("limit");
  }

  @Test
  void aBadOptionIsAUsageError() {
    Run r = run("index", "--format", "xml");
    assertThat(r.exit()).isEqualTo(Main.EXIT_USAGE);
    assertThat(r.err()).contains("--format").contains("xml");
    assertThat(run("no-such-command").exit()).isEqualTo(Main.EXIT_USAGE);
  }

  @Test
  void aDataDirectoryThatCannotBeCreatedIsNamed() throws Exception {
    Path file = Files.writeString(work.resolve("a-file"), "not a directory");
    Run r = runOn(file, "index");
    assertThat(r.exit()).isEqualTo(Main.EXIT_FAILURE);
    assertThat(r.err()).contains(file.toString());
  }

  @Test
  void helpListsEveryCommandAndExitCode() {
    Run r = run("--help");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("index", "country", "company", "import", "export", "Exit codes");
  }

  private static Map<String, String> validRow(String claimId, String iso3) {
    Map<String, String> row = new LinkedHashMap<>();
    for (String column : ClaimImporter.CSV_COLUMNS) {
      row.put(column, "");
    }
    row.put("claim_id", claimId);
    row.put("kind", "uses");
    row.put("country_iso3", iso3);
    row.put("technology", "facial_recognition");
    row.put("source_id", "test-ministry-notice");
    row.put("source_type", "document");
    row.put("source_url", "https://gov.example/notice/42");
    row.put("source_publisher", "Ministry of Examples");
    row.put("source_published", "2025-06-01");
    row.put("source_tier", "A");
    row.put("source_kind", "official");
    row.put(
        "evidence_summary",
        "A procurement notice for a face-matching system, written for this test.");
    return row;
  }

  private static void writeCsv(Path file, List<Map<String, String>> rows) throws Exception {
    StringBuilder b = new StringBuilder(String.join(",", ClaimImporter.CSV_COLUMNS)).append('\n');
    for (Map<String, String> row : rows) {
      List<String> cells = new ArrayList<>();
      for (String column : ClaimImporter.CSV_COLUMNS) {
        String v = row.get(column);
        cells.add(v.contains(",") ? '"' + v.replace("\"", "\"\"") + '"' : v);
      }
      b.append(String.join(",", cells)).append('\n');
    }
    Files.writeString(file, b, StandardCharsets.UTF_8);
  }
}
