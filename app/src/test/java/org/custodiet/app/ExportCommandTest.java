package org.custodiet.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.custodiet.store.ClaimImporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code custodiet export} in every format, on a real embedded database with the bundled data. */
class ExportCommandTest {
  @TempDir static Path data;
  @TempDir Path work;

  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    CommandLine cli = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    List<String> all = new ArrayList<>(List.of("--data", data.toString()));
    all.addAll(List.of(args));
    int exit = cli.execute(all.toArray(String[]::new));
    return new Run(exit, out.toString(), err.toString());
  }

  /** Runs with standard output captured, as the text exports write to it directly. */
  static Run runCapturingStdout(String... args) {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      Run r = run(args);
      return new Run(r.exit(), captured.toString(StandardCharsets.UTF_8), r.err());
    } finally {
      System.setOut(original);
    }
  }

  static List<CSVRecord> csv(String text) throws Exception {
    return CSVFormat.RFC4180
        .builder()
        .setHeader()
        .setSkipHeaderRecord(true)
        .get()
        .parse(new StringReader(text))
        .getRecords();
  }

  @BeforeAll
  static void seed() {
    assertThat(run("index").exit()).isZero();
  }

  @Test
  void csvClaimsAsOfADateAreReproducible() throws Exception {
    Path first = work.resolve("first.csv");
    Path second = work.resolve("second.csv");
    Run r = run("export", "--format", "csv", "--as-of", "2026-11-27", "-o", first.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).contains("claims=");
    assertThat(
            run("export", "--format", "csv", "--as-of", "2026-11-27", "-o", second.toString())
                .exit())
        .isZero();
    assertThat(Files.readAllBytes(first)).isEqualTo(Files.readAllBytes(second));
    List<CSVRecord> rows = csv(Files.readString(first));
    Run claims = run("claims", "--as-of", "2026-11-27", "--format", "json", "--limit", "1");
    int total = new ObjectMapper().readTree(claims.out()).get("total").asInt();
    assertThat(rows).hasSize(total);
    assertThat(rows.get(0).isMapped("source_urls")).isTrue();
  }

  @Test
  void figuresForOneSourceGoToStandardOutput() throws Exception {
    Run r =
        runCapturingStdout(
            "export",
            "--format",
            "json",
            "--dataset",
            "figures",
            "--source",
            "aigs-2022",
            "--as-of",
            "2023-01-01");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode root = new ObjectMapper().readTree(r.out());
    assertThat(root.get("source").asText()).isEqualTo("aigs-2022");
    assertThat(root.get("datasets").get(0).asText()).isEqualTo("figures");
    boolean found = false;
    for (JsonNode f : root.get("figures")) {
      if (f.get("id").asText().equals("countries.technology.smart_city")) {
        assertThat(f.get("value").asInt()).isEqualTo(64);
        found = true;
      }
    }
    assertThat(found).isTrue();
  }

  @Test
  void ftmLinesAreJsonEntities() throws Exception {
    Run r = runCapturingStdout("export", "--format", "ftm", "--as-of", "2026-11-27");
    assertThat(r.exit()).as(r.err()).isZero();
    ObjectMapper mapper = new ObjectMapper();
    List<String> lines = r.out().lines().toList();
    assertThat(lines).hasSizeGreaterThan(100);
    for (String line : lines) {
      JsonNode e = mapper.readTree(line);
      assertThat(e.get("id").asText()).startsWith("custodiet-");
      assertThat(e.get("properties").isObject()).isTrue();
    }
  }

  @Test
  void allDatasetsMakeOneWorkbookOrOneCsvFilePerDataset() throws Exception {
    Path xlsx = work.resolve("all.xlsx");
    Run r = run("export", "--format", "xlsx", "--dataset", "all", "-o", xlsx.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    byte[] bytes = Files.readAllBytes(xlsx);
    assertThat(new String(bytes, 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");

    Path dir = work.resolve("csv");
    r =
        run(
            "export",
            "--format",
            "csv",
            "--dataset",
            "all",
            "--as-of",
            "2026-11-27",
            "-o",
            dir.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(
              "custodiet-claims-2026-11-27.csv",
              "custodiet-sources-2026-11-27.csv",
              "custodiet-figures-2026-11-27.csv");
    }
  }

  @Test
  void theDefaultIsStillTheImportFormatAndRoundTrips() throws Exception {
    Path csvFile = work.resolve("import.csv");
    assertThat(run("export", "-o", csvFile.toString()).exit()).isZero();
    String header = Files.readAllLines(csvFile).get(0);
    assertThat(header).isEqualTo(String.join(",", ClaimImporter.CSV_COLUMNS));
    Path jsonFile = work.resolve("import.json");
    assertThat(run("export", "--format", "import", "-o", jsonFile.toString()).exit()).isZero();
    assertThat(new ObjectMapper().readTree(jsonFile.toFile()).get("format").asText())
        .isEqualTo("custodiet-claims/1");
  }

  @Test
  void badOptionsAreNamedAndNothingIsWritten() {
    Path target = work.resolve("never.csv");
    String[][] cases = {
      {"--format", "pdf"},
      {"--format", "csv", "--dataset", "people"},
      {"--format", "csv", "--as-of", "2026-02-30"},
      {"--format", "csv", "--as-of", "last week"},
      {"--format", "ftm", "--dataset", "claims"},
      {"--format", "import", "--as-of", "2020-01-01"},
      {"--format", "import", "--dataset", "claims"},
    };
    String[] named = {
      "--format", "--dataset", "--as-of", "--as-of", "--dataset", "--as-of", "--dataset"
    };
    for (int i = 0; i < cases.length; i++) {
      List<String> args = new ArrayList<>(List.of("export"));
      args.addAll(List.of(cases[i]));
      args.addAll(List.of("-o", target.toString()));
      Run r = run(args.toArray(String[]::new));
      assertThat(r.exit()).as(String.join(" ", cases[i])).isEqualTo(Main.EXIT_USAGE);
      assertThat(r.err()).as(String.join(" ", cases[i])).contains(named[i]);
      assertThat(target).doesNotExist();
    }
    Run xlsxToStdout = run("export", "--format", "xlsx");
    assertThat(xlsxToStdout.exit()).isEqualTo(Main.EXIT_USAGE);
    assertThat(xlsxToStdout.err()).contains("--output");
    Run csvAllToStdout = run("export", "--format", "csv", "--dataset", "all");
    assertThat(csvAllToStdout.exit()).isEqualTo(Main.EXIT_USAGE);
    assertThat(csvAllToStdout.err()).contains("--output");
    Run unknownSource =
        run("export", "--format", "json", "--source", "no-such-release", "-o", target.toString());
    assertThat(unknownSource.exit()).isEqualTo(Main.EXIT_NOT_FOUND);
    assertThat(unknownSource.err()).contains("--source").contains("no-such-release");
    assertThat(target).doesNotExist();
    try (Stream<Path> left = Files.list(work)) {
      assertThat(left.map(Path::toString)).noneMatch(p -> p.endsWith(".tmp"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
