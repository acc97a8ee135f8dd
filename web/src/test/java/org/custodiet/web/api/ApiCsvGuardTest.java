package org.custodiet.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.custodiet.store.Database;
import org.custodiet.store.export.CsvExport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** API CSV defuses text a spreadsheet would run as a formula, as the data exports do. */
class ApiCsvGuardTest {
  private static final String HOSTILE = "=HYPERLINK(\"http://attacker.invalid/\",\"open me\")";

  @TempDir Path dir;

  @Test
  void a_source_title_starting_with_a_formula_is_guarded_in_api_csv() throws Exception {
    Database database = Database.openDirectory(dir.resolve("db"));
    try (TestServer server = new TestServer(database, dir.resolve("search"))) {
      int changed =
          database
              .jdbi()
              .withHandle(
                  h ->
                      h.createUpdate("UPDATE source SET title = :title WHERE id = :id")
                          .bind("title", HOSTILE)
                          .bind("id", "aigs-2022")
                          .execute());
      assertThat(changed).isEqualTo(1);
      server.site().reload();

      HttpResponse<String> r = server.get("/api/v1/sources?format=csv&limit=1000");

      assertThat(r.statusCode()).isEqualTo(200);
      CSVRecord row =
          parse(r.body()).stream().filter(c -> c.get("id").equals("aigs-2022")).findFirst().get();
      assertThat(row.get("title")).isEqualTo("'" + HOSTILE);
      assertThat(CsvExport.unguard(row.get("title"))).isEqualTo(HOSTILE);
    }
  }

  private static List<CSVRecord> parse(String csv) throws Exception {
    try (CSVParser parser =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new StringReader(csv))) {
      return parser.getRecords();
    }
  }
}
