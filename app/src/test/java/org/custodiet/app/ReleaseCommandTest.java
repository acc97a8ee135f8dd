package org.custodiet.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.custodiet.app.CommandLineTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** release and webhook commands end to end on a real embedded database with the bundled data. */
class ReleaseCommandTest {
  @TempDir Path data;
  @TempDir Path work;

  Run run(String... args) {
    return CommandLineTest.runOn(data, args);
  }

  /** One claim a tier-A source establishes, in a country the bundled data has no claims for. */
  Path importFile() throws Exception {
    Path file = work.resolve("new-claim.json");
    Files.writeString(
        file,
        """
        {"format": "custodiet-claims/1",
         "sources": [{"id": "doc-0123456789ab", "type": "document",
           "url": "https://tenders.example.gov/award/551",
           "title": "Award notice for police face matching", "publisher": "Example Tenders Office",
           "published": "2024-02-01", "tier": "A", "kind": "official"}],
         "claims": [{"id": "test/ISL/uses/fr", "kind": "uses", "country_iso3": "ISL",
           "technology": "facial_recognition",
           "evidence": [{"source_id": "doc-0123456789ab",
             "summary": "The award notice buys face matching for the police"}]}]}
        """);
    return file;
  }

  @Test
  void createListShowDiffAndExportARelease() throws Exception {
    Run created =
        run("release", "create", "2026-11", "--note", "November", "--as-of", "2026-11-01");
    assertThat(created.exit()).as(created.err()).isZero();
    assertThat(created.out()).startsWith("release 2026-11: ").contains("as of 2026-11-01");

    assertThat(run("import", importFile().toString()).exit()).isZero();
    assertThat(run("release", "create", "2026-12", "--as-of", "2026-11-01").exit()).isZero();

    Run list = run("release", "list");
    assertThat(list.out().lines().skip(2).map(l -> l.split("\\s+")[0]).toList())
        .containsExactly("2026-12", "2026-11");

    Run show = run("release", "show", "2026-11");
    assertThat(show.exit()).isZero();
    assertThat(show.out()).contains("November", "countries.any", "audit head   entry ");
    assertThat(show.out()).contains("by cli:" + System.getProperty("user.name"));

    Run diff = run("release", "diff", "2026-11", "2026-12");
    assertThat(diff.exit()).isZero();
    assertThat(diff.out())
        .contains("1 added, 0 removed, 0 changed claims")
        .contains("test/ISL/uses/fr");

    Run json = run("release", "diff", "2026-11", "2026-12", "--format", "json");
    JsonNode root = new ObjectMapper().readTree(json.out());
    assertThat(root.get("added").get(0).get("id").asText()).isEqualTo("test/ISL/uses/fr");
    JsonNode any = null;
    for (JsonNode f : root.get("figures")) {
      if (f.get("id").asText().equals("countries.any")) {
        any = f;
      }
    }
    assertThat(any).isNotNull();
    assertThat(any.get("delta").asInt()).isEqualTo(1);
    assertThat(any.get("after").asInt()).isEqualTo(any.get("before").asInt() + 1);

    Run live = run("release", "diff", "2026-12", "current", "--format", "json");
    assertThat(live.exit()).isZero();
    assertThat(new ObjectMapper().readTree(live.out()).get("to").asText()).isEqualTo("current");

    Path before = work.resolve("claims-11.csv");
    Path after = work.resolve("claims-12.csv");
    assertThat(
            run("export", "--release", "2026-11", "--format", "csv", "-o", before.toString())
                .exit())
        .isZero();
    assertThat(
            run("export", "--release", "2026-12", "--format", "csv", "-o", after.toString()).exit())
        .isZero();
    assertThat(Files.readString(before)).doesNotContain("test/ISL/uses/fr");
    assertThat(Files.readString(after)).contains("test/ISL/uses/fr");
    assertThat(Files.readAllLines(after)).hasSize(Files.readAllLines(before).size() + 1);
  }

  @Test
  void badNamesDuplicatesAndUnknownReleasesAreRefusedClearly() {
    assertThat(run("release", "create", "ok.1").exit()).isZero();
    Run bad = run("release", "create", "no/slashes");
    assertThat(bad.exit()).isEqualTo(Main.EXIT_USAGE);
    assertThat(bad.err()).contains("release name 'no/slashes'");
    Run reserved = run("release", "create", "current");
    assertThat(reserved.exit()).isEqualTo(Main.EXIT_USAGE);
    assertThat(reserved.err()).contains("reserved");
    Run duplicate = run("release", "create", "ok.1");
    assertThat(duplicate.exit()).isEqualTo(Main.EXIT_INVALID_DATA);
    assertThat(duplicate.err()).contains("'ok.1' is taken");
    Run date = run("release", "create", "ok.2", "--as-of", "2026-02-30");
    assertThat(date.exit()).isEqualTo(Main.EXIT_USAGE);
    assertThat(date.err()).contains("--as-of");
    Run unknown = run("release", "show", "missing");
    assertThat(unknown.exit()).isEqualTo(Main.EXIT_NOT_FOUND);
    assertThat(unknown.err()).contains("unknown release 'missing'");
    assertThat(run("release", "diff", "ok.1", "missing").exit()).isEqualTo(Main.EXIT_NOT_FOUND);
    assertThat(run("release", "diff", "ok.1", "current", "--format", "yaml").exit())
        .isEqualTo(Main.EXIT_USAGE);
    Run export = run("export", "--release", "missing", "--format", "json");
    assertThat(export.exit()).isEqualTo(Main.EXIT_NOT_FOUND);
    assertThat(export.err()).contains("--release: unknown release 'missing'");
    assertThat(run("export", "--release", "ok.1", "--format", "csv", "--as-of", "2026-01-01").err())
        .contains("its own date");
    assertThat(run("release", "list").out().lines().skip(2).toList()).hasSize(1);
  }

  @Test
  void webhooksAreAddedListedAndRemovedAndBadOnesRefused() {
    Run added = run("webhook", "add", "https://192.0.2.10/custodiet", "--country", "ken");
    assertThat(added.exit()).as(added.err()).isZero();
    assertThat(added.out())
        .contains("webhook 1 added for country KEN")
        .containsPattern("secret [0-9a-f]{64}");
    String secret =
        added.out().lines().filter(l -> l.startsWith("secret ")).findFirst().orElseThrow();
    Run list = run("webhook", "list");
    assertThat(list.out()).contains("https://192.0.2.10/custodiet", "country KEN");
    assertThat(list.out()).doesNotContain(secret.substring(7));
    for (List<String> bad :
        List.of(
            List.of("webhook", "add", "ftp://hooks.example.org/x"),
            List.of("webhook", "add", "https://u:p@hooks.example.org/x"),
            List.of("webhook", "add", "https://192.0.2.10/x", "--company", "nobody-at-all"))) {
      Run r = run(bad.toArray(String[]::new));
      assertThat(r.exit()).as(bad.toString()).isEqualTo(Main.EXIT_INVALID_DATA);
      assertThat(r.err()).contains("webhook");
    }
    assertThat(
            run(
                    "webhook",
                    "add",
                    "https://h.example.org",
                    "--country",
                    "KEN",
                    "--technology",
                    "smart_city")
                .exit())
        .isEqualTo(Main.EXIT_USAGE);
    Run local = run("webhook", "add", "http://127.0.0.1:9/x");
    assertThat(local.exit()).isEqualTo(Main.EXIT_INVALID_DATA);
    assertThat(local.err())
        .contains(
            "webhook url: http://127.0.0.1:9/x resolves to 127.0.0.1, a loopback address",
            "--allow-private");
    Run nowhere = run("webhook", "add", "https://hooks.custodiet.invalid/x");
    assertThat(nowhere.exit()).isEqualTo(Main.EXIT_INVALID_DATA);
    assertThat(nowhere.err()).contains("the host 'hooks.custodiet.invalid' does not resolve");
    assertThat(run("webhook", "list").out()).doesNotContain("127.0.0.1", "custodiet.invalid");
    Run allowed = run("webhook", "add", "http://127.0.0.1:9/x", "--allow-private");
    assertThat(allowed.exit()).as(allowed.err()).isZero();
    assertThat(allowed.out()).contains("webhook 2 added for all claims");
    assertThat(run("webhook", "list").out()).contains("http://127.0.0.1:9/x");
    assertThat(run("webhook", "remove", "1").exit()).isZero();
    Run again = run("webhook", "remove", "1");
    assertThat(again.exit()).isEqualTo(Main.EXIT_NOT_FOUND);
    assertThat(again.err()).contains("no active webhook with id 1");
  }
}
