package org.custodiet.store.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.custodiet.core.index.ClaimFilter;
import org.custodiet.core.index.ClaimSearch;
import org.custodiet.core.index.Figure;
import org.custodiet.core.index.IndexEngine;
import org.custodiet.core.index.IndexQuery;
import org.custodiet.core.model.Claim;
import org.custodiet.core.model.ClaimKind;
import org.custodiet.core.model.Evidence;
import org.custodiet.core.model.KnowledgeBase;
import org.custodiet.core.model.Source;
import org.custodiet.core.rules.ClaimStatus;
import org.custodiet.core.rules.CodingRules;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** CSV, JSON and XLSX exports of the bundled data, read back with independent parsers. */
class TabularExportTest {
  static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
  static final IndexQuery LIVING = IndexQuery.living(TODAY);
  static final IndexQuery RELEASE = IndexQuery.singleSource(LocalDate.of(2023, 1, 1), "aigs-2022");

  static KnowledgeBase kb;
  static IndexEngine engine;

  @BeforeAll
  static void load() throws Exception {
    kb = SeededData.seed();
    engine = new IndexEngine(kb);
  }

  static byte[] export(IndexEngine engine, IndexQuery q, ExportFormat f, ExportDataset... ds)
      throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Exports.write(new ExportData(engine, q), f, List.of(ds), out);
    return out.toByteArray();
  }

  static List<CSVRecord> csv(byte[] bytes) throws Exception {
    return CSVFormat.RFC4180
        .builder()
        .setHeader()
        .setSkipHeaderRecord(true)
        .get()
        .parse(new StringReader(new String(bytes, StandardCharsets.UTF_8)))
        .getRecords();
  }

  /** How many claims the engine lists for the query: the ones reported by the date. */
  static int engineClaimCount(IndexEngine engine, IndexQuery q) {
    return new ClaimSearch(engine).find(ClaimFilter.ALL, q, 0, 1).total();
  }

  /** The sources of a claim's evidence known by the date, worked out from the raw records. */
  static TreeSet<String> knownSources(KnowledgeBase kb, String claimId, IndexQuery q) {
    TreeSet<String> ids = new TreeSet<>();
    for (Evidence e : kb.evidence()) {
      Source s = kb.sources().get(e.sourceId());
      if (e.claimId().equals(claimId)
          && (q.isLiving() || s.id().equals(q.sourceId()))
          && !CodingRules.knownFrom(e, s).isAfter(q.asOf())) {
        ids.add(s.id());
      }
    }
    return ids;
  }

  @Test
  void csvClaimsHoldEveryReportedClaimWithItsStatusAndKnownSources() throws Exception {
    for (IndexQuery q : List.of(LIVING, RELEASE, IndexQuery.living(LocalDate.of(2016, 6, 30)))) {
      List<CSVRecord> rows = csv(export(engine, q, ExportFormat.CSV, ExportDataset.CLAIMS));
      assertThat(rows).as("claims as of %s", q).hasSize(engineClaimCount(engine, q));
      for (CSVRecord r : rows) {
        Claim c = kb.claims().get(r.get("id"));
        assertThat(c).as(r.get("id")).isNotNull();
        assertThat(r.get("kind")).isEqualTo(c.kind().name().toLowerCase());
        assertThat(r.get("country_iso3")).isEqualTo(c.countryIso3());
        assertThat(r.get("country_name")).isEqualTo(kb.countries().get(c.countryIso3()).name());
        assertThat(r.get("status")).isEqualTo(engine.status(c.id(), q).code());
        assertThat(r.get("observed_from"))
            .isEqualTo(c.period().from() == null ? "" : c.period().from().toString());
        TreeSet<String> sources = knownSources(kb, c.id(), q);
        assertThat(sources).as("%s has known evidence", c.id()).isNotEmpty();
        assertThat(List.of(r.get("source_ids").split(" "))).containsExactlyElementsOf(sources);
        for (String url : r.get("source_urls").split(" ")) {
          assertThat(url).startsWith("https://");
        }
        if (c.kind() == ClaimKind.SUPPLIES && c.supplier().isNamedCompany()) {
          assertThat(r.get("supplier_company_name"))
              .isEqualTo(kb.companies().get(c.supplier().companyId()).name());
        }
        if (c.kind() == ClaimKind.FINANCES && c.financing().amount() != null) {
          assertThat(new BigDecimal(r.get("amount"))).isEqualByComparingTo(c.financing().amount());
          assertThat(r.get("currency")).isEqualTo(c.financing().currency());
        }
      }
    }
  }

  @Test
  void anEarlierDateHoldsFewerClaimsAndNoLaterEvidence() throws Exception {
    IndexQuery early = IndexQuery.living(LocalDate.of(2016, 6, 30));
    int earlyCount = csv(export(engine, early, ExportFormat.CSV, ExportDataset.CLAIMS)).size();
    int todayCount = csv(export(engine, LIVING, ExportFormat.CSV, ExportDataset.CLAIMS)).size();
    assertThat(earlyCount).isPositive().isLessThan(todayCount);
    for (CSVRecord r : csv(export(engine, early, ExportFormat.CSV, ExportDataset.SOURCES))) {
      assertThat(LocalDate.parse(r.get("published_known_by"))).isBeforeOrEqualTo(early.asOf());
    }
  }

  @Test
  void csvFiguresEqualTheEngineFigures() throws Exception {
    List<Figure> figures = engine.compute(RELEASE).figures();
    List<CSVRecord> rows = csv(export(engine, RELEASE, ExportFormat.CSV, ExportDataset.FIGURES));
    assertThat(rows).hasSize(figures.size());
    for (int i = 0; i < rows.size(); i++) {
      Figure f = figures.get(i);
      CSVRecord r = rows.get(i);
      assertThat(r.get("id")).isEqualTo(f.id());
      assertThat(Integer.parseInt(r.get("value"))).isEqualTo(f.value());
      assertThat(r.get("countries")).isEqualTo(String.join(" ", f.countries()));
      assertThat(Integer.parseInt(r.get("claim_count"))).isEqualTo(f.claims().size());
      if (f.denominator() != null) {
        assertThat(Integer.parseInt(r.get("denominator"))).isEqualTo(f.denominator());
        assertThat(new BigDecimal(r.get("share")).doubleValue())
            .isCloseTo(
                (double) f.value() / f.denominator(), org.assertj.core.data.Offset.offset(5e-5));
      } else {
        assertThat(r.get("share")).isEmpty();
      }
    }
    Map<String, String> byId = new HashMap<>();
    rows.forEach(r -> byId.put(r.get("id"), r.get("value")));
    assertThat(byId.get("countries.any")).isEqualTo("97");
    assertThat(byId.get("countries.technology.facial_recognition")).isEqualTo("78");
  }

  @Test
  void csvSourcesAreTheCitedSourcesWithTheirLicences() throws Exception {
    List<CSVRecord> rows = csv(export(engine, RELEASE, ExportFormat.CSV, ExportDataset.SOURCES));
    assertThat(rows).hasSize(1);
    CSVRecord aigs = rows.get(0);
    assertThat(aigs.get("id")).isEqualTo("aigs-2022");
    assertThat(aigs.get("licence")).isEqualTo("CC-BY-4.0");
    assertThat(aigs.get("attribution")).contains("Feldstein").contains("10.17632/gjhf5y4xjp.4");
    assertThat(aigs.get("published_known_by")).isEqualTo("2022-03-09");

    List<CSVRecord> living = csv(export(engine, LIVING, ExportFormat.CSV, ExportDataset.SOURCES));
    TreeSet<String> cited = new TreeSet<>();
    for (CSVRecord r : csv(export(engine, LIVING, ExportFormat.CSV, ExportDataset.CLAIMS))) {
      cited.addAll(List.of(r.get("source_ids").split(" ")));
    }
    assertThat(living.stream().map(r -> r.get("id")).toList()).containsExactlyElementsOf(cited);
  }

  @Test
  void formulaLikeTextIsDefusedInCsvAndRestoredExactly() throws Exception {
    IndexEngine hostile = new IndexEngine(SeededData.withHostileClaim());
    List<CSVRecord> claims = csv(export(hostile, LIVING, ExportFormat.CSV, ExportDataset.CLAIMS));
    CSVRecord row =
        claims.stream().filter(r -> r.get("id").equals("test/KEN/hostile")).findFirst().get();
    assertThat(row.get("city")).isEqualTo("'" + SeededData.HOSTILE_CITY);
    assertThat(row.get("agency")).isEqualTo("'" + SeededData.HOSTILE_AGENCY);
    assertThat(CsvExport.unguard(row.get("city"))).isEqualTo(SeededData.HOSTILE_CITY);
    assertThat(CsvExport.unguard(row.get("agency"))).isEqualTo(SeededData.HOSTILE_AGENCY);
    assertThat(row.get("status")).isEqualTo("established");

    List<CSVRecord> sources = csv(export(hostile, LIVING, ExportFormat.CSV, ExportDataset.SOURCES));
    CSVRecord source =
        sources.stream().filter(r -> r.get("id").equals("test-hostile-notice")).findFirst().get();
    assertThat(source.get("title")).isEqualTo("'" + SeededData.HOSTILE_TITLE);
    assertThat(source.get("publisher")).isEqualTo("'" + SeededData.HOSTILE_PUBLISHER);
    for (CSVRecord r : claims) {
      for (String cell : r.values()) {
        assertThat(cell).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("@");
      }
    }
    // the JSON export keeps the values as they are: no spreadsheet evaluates JSON
    JsonNode json =
        new ObjectMapper()
            .readTree(export(hostile, LIVING, ExportFormat.JSON, ExportDataset.CLAIMS));
    JsonNode hostileClaim = null;
    for (JsonNode c : json.get("claims")) {
      if (c.get("id").asText().equals("test/KEN/hostile")) {
        hostileClaim = c;
      }
    }
    assertThat(hostileClaim.get("city").asText()).isEqualTo(SeededData.HOSTILE_CITY);
  }

  @Test
  void guardCoversEveryTriggerAndRoundTrips() {
    for (String text :
        List.of("=1", "+1", "-1", "@a", "\tx", "\rx", "'=x", "''+x", "'plain", "plain", "", "'")) {
      String guarded = CsvExport.guard(text);
      assertThat(CsvExport.unguard(guarded)).as(text).isEqualTo(text);
      String stripped = guarded.replaceFirst("^'+", "");
      boolean trigger = !stripped.isEmpty() && "=+-@\t\r".indexOf(stripped.charAt(0)) >= 0;
      assertThat(guarded.startsWith("'")).as(text).isEqualTo(trigger || text.startsWith("'"));
    }
  }

  @Test
  void jsonCarriesMetadataLicenceAndTypedRecords() throws Exception {
    byte[] bytes =
        export(
            engine,
            LIVING,
            ExportFormat.JSON,
            ExportDataset.CLAIMS,
            ExportDataset.SOURCES,
            ExportDataset.FIGURES);
    JsonNode root = new ObjectMapper().readTree(bytes);
    assertThat(root.get("format").asText()).isEqualTo(ExportData.FORMAT);
    assertThat(root.get("as_of").asText()).isEqualTo("2026-11-27");
    assertThat(root.get("source").isNull()).isTrue();
    assertThat(root.get("rules_version").asText()).isEqualTo(CodingRules.VERSION);
    assertThat(root.get("licence").get("statement").asText()).contains("credit");
    List<String> credited = new ArrayList<>();
    root.get("licence").get("credits").forEach(c -> credited.add(c.get("source_id").asText()));
    assertThat(credited).contains("aigs-2022", "aigs-v1");
    assertThat(root.get("claims")).hasSize(engineClaimCount(engine, LIVING));
    assertThat(root.get("figures")).hasSize(engine.compute(LIVING).figures().size());
    int amounts = 0;
    for (JsonNode c : root.get("claims")) {
      Claim claim = kb.claims().get(c.get("id").asText());
      assertThat(c.get("counts_in_figures").isBoolean()).isTrue();
      assertThat(c.get("source_ids").isArray()).isTrue();
      assertThat(c.get("evidence_count").asInt()).isPositive();
      if (claim.kind() == ClaimKind.FINANCES && claim.financing().amount() != null) {
        assertThat(c.get("amount").isNumber()).isTrue();
        assertThat(c.get("amount").decimalValue()).isEqualByComparingTo(claim.financing().amount());
        assertThat(c.get("amount").asText()).doesNotContain("E");
        amounts++;
      }
      if (claim.kind() == ClaimKind.USES) {
        assertThat(c.get("supplier_company_id").isNull()).isTrue();
      }
    }
    assertThat(amounts).isPositive();
    JsonNode any = null;
    for (JsonNode f : root.get("figures")) {
      if (f.get("id").asText().equals("countries.any")) {
        any = f;
      }
    }
    assertThat(any.get("claims").size()).isEqualTo(any.get("claim_count").asInt());
  }

  @Test
  void xlsxHasOneSheetPerDatasetALicenceSheetTypedCellsAndAFrozenBoldHeader() throws Exception {
    byte[] bytes =
        export(
            engine,
            LIVING,
            ExportFormat.XLSX,
            ExportDataset.CLAIMS,
            ExportDataset.SOURCES,
            ExportDataset.FIGURES);
    List<CSVRecord> csvClaims = csv(export(engine, LIVING, ExportFormat.CSV, ExportDataset.CLAIMS));
    try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(bytes))) {
      assertThat(wb.getSheets().map(Sheet::getName))
          .containsExactly("claims", "sources", "figures", "licence");
      List<Row> claims = wb.findSheet("claims").get().read();
      assertThat(claims).hasSize(1 + engineClaimCount(engine, LIVING));
      List<String> header = claims.get(0).stream().map(Cell::getText).toList();
      assertThat(header)
          .containsExactlyElementsOf(new ExportData(engine, LIVING).claims().columnNames());
      int from = header.indexOf("observed_from");
      int counts = header.indexOf("counts_in_figures");
      int evidence = header.indexOf("evidence_count");
      int dates = 0;
      for (int i = 1; i < claims.size(); i++) {
        Row row = claims.get(i);
        CSVRecord expected = csvClaims.get(i - 1);
        assertThat(row.getCellText(0)).isEqualTo(expected.get("id"));
        assertThat(row.getCell(counts).getType()).isEqualTo(CellType.BOOLEAN);
        assertThat(row.getCell(evidence).asNumber().intValue())
            .isEqualTo(Integer.parseInt(expected.get("evidence_count")));
        if (!expected.get("observed_from").isEmpty()) {
          assertThat(row.getCellAsDate(from).get().toLocalDate())
              .isEqualTo(LocalDate.parse(expected.get("observed_from")));
          dates++;
        }
      }
      assertThat(dates).isPositive();
      assertThat(wb.findSheet("figures").get().read())
          .hasSize(1 + engine.compute(LIVING).figures().size());
      List<Row> licence = wb.findSheet("licence").get().read();
      String text =
          String.join(
              "\n",
              licence.stream()
                  .flatMap(Row::stream)
                  .filter(c -> c != null)
                  .map(Cell::getText)
                  .toList());
      assertThat(text).contains("10.17632/gjhf5y4xjp.4").contains("CC-BY-4.0");
    }
    Map<String, String> parts = unzip(bytes);
    assertThat(parts.get("xl/worksheets/sheet1.xml")).contains("state=\"frozen\"");
    assertThat(parts.get("xl/styles.xml")).contains("<b");
  }

  @Test
  void xlsxCutsTextThatNoCellHoldsAndSaysSo() {
    String longText = "x".repeat(XlsxExport.MAX_CELL_TEXT + 10);
    String fitted = XlsxExport.fit(longText);
    assertThat(fitted).hasSize(XlsxExport.MAX_CELL_TEXT).contains("cut: " + longText.length());
    assertThat(XlsxExport.fit("short")).isEqualTo("short");
  }

  @Test
  void theSameDateAndDataGiveTheSameBytes() throws Exception {
    IndexEngine reloaded = new IndexEngine(SeededData.load());
    for (ExportDataset d : ExportDataset.values()) {
      assertThat(export(reloaded, LIVING, ExportFormat.CSV, d))
          .as(d.code())
          .isEqualTo(export(engine, LIVING, ExportFormat.CSV, d));
      assertThat(export(reloaded, RELEASE, ExportFormat.JSON, d))
          .isEqualTo(export(engine, RELEASE, ExportFormat.JSON, d));
    }
    assertThat(export(reloaded, LIVING, ExportFormat.FTM))
        .isEqualTo(export(engine, LIVING, ExportFormat.FTM));
    assertThat(export(engine, IndexQuery.living(LocalDate.of(2020, 1, 1)), ExportFormat.FTM))
        .isNotEqualTo(export(engine, LIVING, ExportFormat.FTM));
  }

  @Test
  void badRequestsFailBeforeWritingAndNameTheProblem() {
    assertThatThrownBy(
            () -> new ExportData(engine, IndexQuery.singleSource(TODAY, "no-such-source")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("source")
        .hasMessageContaining("no-such-source");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThatThrownBy(
            () ->
                Exports.write(
                    new ExportData(engine, LIVING),
                    ExportFormat.CSV,
                    List.of(ExportDataset.CLAIMS, ExportDataset.SOURCES),
                    out))
        .hasMessageStartingWith("dataset:");
    assertThat(out.size()).isZero();
    assertThatThrownBy(() -> ExportDataset.parse("people")).hasMessageContaining("people");
    assertThatThrownBy(() -> ExportFormat.parse("pdf")).hasMessageContaining("pdf");
  }

  @Test
  void statusesOtherThanEstablishedAreExportedToo() throws Exception {
    List<CSVRecord> rows = csv(export(engine, LIVING, ExportFormat.CSV, ExportDataset.CLAIMS));
    TreeSet<String> statuses = new TreeSet<>();
    rows.forEach(r -> statuses.add(r.get("status")));
    assertThat(statuses)
        .contains(ClaimStatus.ESTABLISHED.code(), ClaimStatus.DISPUTED.code())
        .doesNotContain(ClaimStatus.NOT_YET_REPORTED.code());
  }

  /** The workbook's XML parts, read with the JDK's zip file reader. */
  static Map<String, String> unzip(byte[] bytes) throws Exception {
    Path file = Files.createTempFile("custodiet-export", ".xlsx");
    try {
      Files.write(file, bytes);
      Map<String, String> parts = new HashMap<>();
      try (ZipFile zip = new ZipFile(file.toFile())) {
        for (ZipEntry e : java.util.Collections.list(zip.entries())) {
          parts.put(
              e.getName(),
              new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8));
        }
      }
      return parts;
    } finally {
      Files.delete(file);
    }
  }
}
