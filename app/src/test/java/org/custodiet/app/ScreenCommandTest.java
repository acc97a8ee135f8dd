package org.custodiet.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.custodiet.app.CommandLineTest.Run;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code custodiet screen} and {@code custodiet lists} end to end on a seeded embedded database.
 */
class ScreenCommandTest {
  @TempDir static Path data;
  @TempDir Path work;

  static Run run(String... args) {
    List<String> all = new ArrayList<>(List.of("--data", data.toString()));
    all.addAll(List.of(args));
    return CommandLineTest.run(all.toArray(String[]::new));
  }

  static Path fixture(String name) {
    return Path.of("../store/src/test/resources/screening", name);
  }

  @BeforeAll
  static void seed() {
    assertThat(run("lists", "list").exit()).isZero();
  }

  @Test
  void everySpellingOfHikvisionHitsItsListing() throws Exception {
    for (String name :
        List.of(
            "Hangzhou Hikvision Digital Technology Co., Ltd.", "HIKVISION", "海康威视", "Hikvison")) {
      Run r = run("screen", name, "--format", "json");
      assertThat(r.exit()).as(r.err()).isZero();
      JsonNode hits = new ObjectMapper().readTree(r.out()).get("hits");
      List<String> ids = new ArrayList<>();
      hits.forEach(h -> ids.add(h.at("/entry/list").asText() + "/" + h.at("/entry/id").asText()));
      assertThat(ids).as(name).contains("bis-surveillance/hikvision");
      JsonNode explanation = hits.get(0).get("explanation");
      assertThat(explanation.get("matched_name").asText()).isNotEmpty();
      assertThat(explanation.get("features")).isNotEmpty();
    }
    Run table = run("screen", "Hikvison", "--country", "CHN");
    assertThat(table.out()).contains("bis-surveillance/hikvision").contains("matched name:");
  }

  @Test
  void aGenericCompanyNameHitsNothing() throws Exception {
    Run r = run("screen", "Technology Co., Ltd.", "--format", "json");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(new ObjectMapper().readTree(r.out()).get("hits")).isEmpty();
    assertThat(run("screen", "Technology Co., Ltd.").out()).contains("No hits.");
  }

  @Test
  void badNamesAreRefusedWithAClearMessage() {
    Run empty = run("screen", " ");
    assertThat(empty.exit()).isEqualTo(Main.EXIT_INVALID_DATA);
    assertThat(empty.err()).contains("NAME is empty");
    Run huge = run("screen", "a".repeat(10_000));
    assertThat(huge.exit()).isEqualTo(Main.EXIT_INVALID_DATA);
    assertThat(huge.err()).contains("10000 characters long, over the limit of 1000");
    Run control = run("screen", "Acme\u0007 Ltd");
    assertThat(control.exit()).isEqualTo(Main.EXIT_INVALID_DATA);
    assertThat(control.err()).contains("control characters");
    assertThat(run("screen", "Acme", "--country", "Atlantis").err()).contains("not an ISO3 code");
    assertThat(run("screen", "Acme", "--list", "no-such-list").exit())
        .isEqualTo(Main.EXIT_NOT_FOUND);
  }

  @Test
  void importingListsRecordsVersionsAndChanges() throws Exception {
    Run first =
        run(
            "lists",
            "import",
            fixture("csl-2024-01-05.csv").toString(),
            "--format",
            "csl-csv",
            "--list",
            "us-csl",
            "--version",
            "2024-01-05",
            "--source",
            "https://www.trade.gov/consolidated-screening-list",
            "--licence",
            "public domain");
    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(first.out()).contains("4 entries (4 added, 0 removed, 0 changed)");
    Run second =
        run(
            "lists",
            "import",
            fixture("csl-2024-02-09.csv").toString(),
            "--format",
            "csl-csv",
            "--list",
            "us-csl",
            "--version",
            "2024-02-09");
    assertThat(second.out()).contains("1 added, 1 removed, 1 changed");
    Run older =
        run(
            "lists",
            "import",
            fixture("csl-2024-01-05.csv").toString(),
            "--format",
            "csl-csv",
            "--list",
            "us-csl",
            "--version",
            "2023-12-01");
    assertThat(older.exit()).isEqualTo(Main.EXIT_INVALID_DATA);
    assertThat(older.err()).contains("older than the version already imported");

    Run changes = run("lists", "changes", "us-csl");
    assertThat(changes.out())
        .as(changes.err())
        .contains("added    e5b4")
        .contains("removed  d4c3")
        .contains("Old Harbour Trading LLC");
    Run list = run("lists", "list", "--format", "json");
    JsonNode lists = new ObjectMapper().readTree(list.out());
    List<String> summary = new ArrayList<>();
    lists.forEach(
        l ->
            summary.add(
                l.get("id").asText()
                    + " "
                    + l.get("version").asText()
                    + " "
                    + l.get("licence").asText()));
    assertThat(summary).contains("us-csl 2024-02-09 public domain");
    assertThat(lists.findValuesAsText("id")).contains("bis-surveillance", "kb-companies");

    Run hit = run("screen", "Copperfield Surveillance Institute", "--list", "us-csl");
    assertThat(hit.out()).contains("us-csl/e5b4");
  }

  @Test
  void aMalformedListFileIsRefusedNamingItsLineAndNothingIsImported() throws Exception {
    Path bad = work.resolve("bad.ftm.json");
    Files.writeString(
        bad,
        "{\"id\":\"t1\",\"schema\":\"Company\",\"properties\":{\"name\":[\"Tidewater Ltd\"]}}\n"
            + "{\"id\":\"t2\",\"schema\":\"Company\",\"properties\":{\"name\":[\"Bad\"]\n",
        StandardCharsets.UTF_8);
    Run r =
        run(
            "lists",
            "import",
            bad.toString(),
            "--format",
            "ftm",
            "--list",
            "os-bad",
            "--version",
            "2024-01-01");
    assertThat(r.exit()).isEqualTo(Main.EXIT_INVALID_DATA);
    assertThat(r.err()).contains("bad.ftm.json:2").contains("invalid JSON");
    assertThat(run("lists", "changes", "os-bad").exit()).isEqualTo(Main.EXIT_NOT_FOUND);
    Run format =
        run(
            "lists",
            "import",
            bad.toString(),
            "--format",
            "xml",
            "--list",
            "x",
            "--version",
            "2024-01-01");
    assertThat(format.err()).contains("--format");
    Run date =
        run(
            "lists",
            "import",
            bad.toString(),
            "--format",
            "ftm",
            "--list",
            "x",
            "--version",
            "yesterday");
    assertThat(date.err()).contains("--version");
  }
}
