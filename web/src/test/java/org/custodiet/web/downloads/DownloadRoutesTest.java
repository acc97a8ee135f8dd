package org.custodiet.web.downloads;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.custodiet.core.index.ClaimFilter;
import org.custodiet.core.index.IndexQuery;
import org.custodiet.store.Database;
import org.custodiet.store.SeedLoader;
import org.custodiet.store.export.ExportData;
import org.custodiet.store.export.ExportDataset;
import org.custodiet.store.export.ExportFormat;
import org.custodiet.store.export.Exports;
import org.custodiet.store.search.SearchIndex;
import org.custodiet.web.Site;
import org.custodiet.web.WebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The download endpoints on a real server over the bundled data, called over HTTP. */
class DownloadRoutesTest {
  @TempDir static Path data;
  @TempDir Path work;
  static Database db;
  static Site site;
  static WebServer server;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    db = Database.openDirectory(data);
    new SeedLoader(db).loadBundled();
    site = new Site(db, SearchIndex.inMemory());
    server = WebServer.start(site, new WebServer.Options("127.0.0.1", 0));
  }

  @AfterAll
  static void stop() {
    server.close();
    db.close();
  }

  static HttpResponse<byte[]> get(String pathAndQuery) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery))
            .GET()
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
  }

  static byte[] direct(IndexQuery q, ExportFormat format, ExportDataset... datasets)
      throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Exports.write(new ExportData(site.current().engine(), q), format, List.of(datasets), out);
    return out.toByteArray();
  }

  static String header(HttpResponse<?> r, String name) {
    return r.headers().firstValue(name).orElse(null);
  }

  @Test
  void claimsCsvIsAnAttachmentWithTheExportOfTheDate() throws Exception {
    HttpResponse<byte[]> r = get("/downloads/claims.csv?as_of=2026-11-27");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(header(r, "Content-Type")).startsWith("text/csv");
    assertThat(header(r, "Content-Disposition"))
        .isEqualTo("attachment; filename=\"custodiet-claims-2026-11-27.csv\"");
    // streamed as written: the length is not known before the body is sent
    assertThat(header(r, "Content-Length")).isNull();
    assertThat(header(r, "Transfer-Encoding")).isEqualTo("chunked");
    IndexQuery q = IndexQuery.living(LocalDate.of(2026, 11, 27));
    assertThat(r.body()).isEqualTo(direct(q, ExportFormat.CSV, ExportDataset.CLAIMS));
    List<CSVRecord> rows =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new StringReader(new String(r.body(), StandardCharsets.UTF_8)))
            .getRecords();
    assertThat(rows).hasSize(site.current().claims().find(ClaimFilter.ALL, q, 0, 1).total());
  }

  @Test
  void figuresJsonForOneSourceReproducesTheRelease() throws Exception {
    HttpResponse<byte[]> r = get("/downloads/figures.json?as_of=2023-01-01&source=aigs-2022");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(header(r, "Content-Type")).startsWith("application/json");
    assertThat(header(r, "Content-Disposition"))
        .contains("custodiet-figures-aigs-2022-2023-01-01.json");
    JsonNode root = new ObjectMapper().readTree(r.body());
    assertThat(root.get("source").asText()).isEqualTo("aigs-2022");
    JsonNode any = null;
    for (JsonNode f : root.get("figures")) {
      if (f.get("id").asText().equals("countries.any")) {
        any = f;
      }
    }
    assertThat(any.get("value").asInt()).isEqualTo(97);
    assertThat(root.get("licence").get("credits").get(0).get("attribution").asText())
        .contains("10.17632/gjhf5y4xjp.4");
  }

  @Test
  void workbookAndFtmDownloadsAreWholeFiles() throws Exception {
    HttpResponse<byte[]> xlsx = get("/downloads/all.xlsx?as_of=2026-11-27");
    assertThat(xlsx.statusCode()).isEqualTo(200);
    assertThat(header(xlsx, "Content-Type")).isEqualTo(ExportFormat.XLSX.contentType());
    assertThat(header(xlsx, "Content-Disposition")).contains("custodiet-all-2026-11-27.xlsx");
    Path file = work.resolve("all.xlsx");
    Files.write(file, xlsx.body());
    try (ZipFile zip = new ZipFile(file.toFile())) {
      String workbook =
          new String(
              zip.getInputStream(zip.getEntry("xl/workbook.xml")).readAllBytes(),
              StandardCharsets.UTF_8);
      assertThat(workbook).contains("\"claims\"", "\"sources\"", "\"figures\"", "\"licence\"");
    }

    HttpResponse<byte[]> ftm = get("/downloads/ftm.jsonl?as_of=2026-11-27");
    assertThat(ftm.statusCode()).isEqualTo(200);
    assertThat(header(ftm, "Content-Disposition")).contains("custodiet-ftm-2026-11-27.jsonl");
    assertThat(ftm.body())
        .isEqualTo(direct(IndexQuery.living(LocalDate.of(2026, 11, 27)), ExportFormat.FTM));
    ObjectMapper mapper = new ObjectMapper();
    for (String line : new String(ftm.body(), StandardCharsets.UTF_8).split("\n")) {
      assertThat(mapper.readTree(line).get("schema").asText()).isNotBlank();
    }
  }

  @Test
  void theDateDefaultsToTodayInUtc() throws Exception {
    HttpResponse<byte[]> r = get("/downloads/sources.csv");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(header(r, "Content-Disposition"))
        .contains("custodiet-sources-" + LocalDate.now(ZoneOffset.UTC) + ".csv");
  }

  @Test
  void theLicenceTextNamesTheCreditedSources() throws Exception {
    HttpResponse<byte[]> r = get("/downloads/licence.txt?as_of=2026-11-27");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(header(r, "Content-Type")).startsWith("text/plain");
    assertThat(new String(r.body(), StandardCharsets.UTF_8))
        .contains("aigs-2022 (CC-BY-4.0): Feldstein")
        .contains("CC BY-SA 4.0");
  }

  @Test
  void badParametersAreRefusedWithAJsonErrorNamingTheField() throws Exception {
    List<String[]> cases = new ArrayList<>();
    cases.add(new String[] {"/downloads/claims.csv?as_of=2026-13-01", "as_of"});
    cases.add(new String[] {"/downloads/claims.csv?as_of=yesterday", "as_of"});
    cases.add(new String[] {"/downloads/claims.csv?as_of=2026-1-1", "as_of"});
    cases.add(new String[] {"/downloads/claims.csv?as_of=2026-02-30", "as_of"});
    cases.add(
        new String[] {
          "/downloads/claims.csv?as_of="
              + URLEncoder.encode("<script>alert(1)</script>", StandardCharsets.UTF_8),
          "as_of"
        });
    cases.add(new String[] {"/downloads/people.csv", "dataset"});
    cases.add(new String[] {"/downloads/all.csv", "dataset"});
    cases.add(new String[] {"/downloads/claims.pdf", "format"});
    cases.add(new String[] {"/downloads/claims.jsonl", "format"});
    cases.add(new String[] {"/downloads/ftm.csv", "format"});
    cases.add(new String[] {"/downloads/claims", "format"});
    cases.add(new String[] {"/downloads/claims.csv?source=" + "x".repeat(500), "source"});
    for (String[] c : cases) {
      HttpResponse<byte[]> r = get(c[0]);
      assertThat(r.statusCode()).as(c[0]).isEqualTo(400);
      assertThat(header(r, "Content-Type")).startsWith("application/json");
      assertThat(header(r, "Content-Disposition")).isNull();
      JsonNode body = new ObjectMapper().readTree(r.body());
      assertThat(body.get("status").asInt()).isEqualTo(400);
      assertThat(body.get("field").asText()).as(c[0]).isEqualTo(c[1]);
      assertThat(body.get("message").asText()).isNotBlank().hasSizeLessThan(300);
    }
  }

  @Test
  void anUnknownSourceIsNotFound() throws Exception {
    HttpResponse<byte[]> r = get("/downloads/claims.json?source=no-such-release");
    assertThat(r.statusCode()).isEqualTo(404);
    JsonNode body = new ObjectMapper().readTree(r.body());
    assertThat(body.get("status").asInt()).isEqualTo(404);
    assertThat(body.get("field").asText()).isEqualTo("source");
    assertThat(body.get("message").asText()).contains("no-such-release");
  }
}
