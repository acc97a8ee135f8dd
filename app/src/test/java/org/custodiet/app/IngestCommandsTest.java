package org.custodiet.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.custodiet.app.CommandLineTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ingest, candidates and bench-ingest end to end, with the rule-based extractor. */
class IngestCommandsTest {
  @TempDir Path data;
  @TempDir Path work;

  private static final String KENYA =
      "Officials in Nairobi said on Monday that Huawei will install facial recognition cameras"
          + " across the city centre under a safe city contract with the government of Kenya.\n\n"
          + "Traders near the bus station said they had not been told where the cameras go.\n";

  private static final String UGANDA =
      "{\"url\": \"https://www.wire.example/uganda?utm_source=feed\", \"title\": \"Kampala\","
          + " \"published\": \"2025-02-03\", \"text\": \"Police in Kampala, Uganda, began using"
          + " Hikvision cameras with face matching, the interior ministry said.\"}\n"
          + "{\"url\": \"https://wire.example/broken\", \"text\": 17}\n";

  private Run run(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "--data";
    all[1] = data.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    return CommandLineTest.run(all);
  }

  @Test
  void ingestStoresDocumentsOnceReportsBadLinesAndQueuesCandidates() throws Exception {
    Path kenya = Files.writeString(work.resolve("kenya.txt"), KENYA, StandardCharsets.UTF_8);
    Path uganda = Files.writeString(work.resolve("wire.jsonl"), UGANDA, StandardCharsets.UTF_8);

    Run first = run("ingest", kenya.toString(), uganda.toString());
    assertThat(first.exit()).as(first.err()).isEqualTo(Main.EXIT_INVALID_DATA);
    assertThat(first.out())
        .startsWith("read 3, ingested 2, duplicates 0, near-duplicates 0, failed 1, candidates ");
    assertThat(first.err())
        .contains("custodiet ingest: " + uganda + " line 2: field 'text' is not a string");

    Run again = run("ingest", work.toString());
    assertThat(again.out())
        .startsWith("read 3, ingested 0, duplicates 2, near-duplicates 0, failed 1, candidates 0");

    Run table = run("candidates");
    assertThat(table.exit()).as(table.err()).isZero();
    assertThat(table.out()).contains("huawei").contains("KEN").contains(kenya.toString());
    assertThat(table.out()).contains("hikvision").contains("https://wire.example/uganda");

    Run json = run("candidates", "--format", "json", "--limit", "100");
    JsonNode candidates = new ObjectMapper().readTree(json.out()).get("candidates");
    assertThat(candidates).isNotEmpty();
    for (JsonNode c : candidates) {
      assertThat(c.get("status").asText()).isEqualTo("pending");
      assertThat(c.get("extractor").asText()).isEqualTo("rule-based");
      String evidence = c.get("evidence").asText();
      int length = c.get("span").get(1).asInt() - c.get("span").get(0).asInt();
      assertThat(evidence).hasSize(length);
      assertThat(KENYA + UGANDA).contains(evidence);
    }
    double top = candidates.get(0).get("confidence").asDouble();
    Run confident =
        run("candidates", "--min-confidence", Double.toString(Math.min(1, top + 0.001)));
    assertThat(confident.out()).contains("0 pending candidates");
    assertThat(run("candidates", "--status", "accepted").out()).contains("0 accepted candidates");
  }

  @Test
  void badOptionsAreUsageErrors() {
    Run confidence = run("candidates", "--min-confidence", "1.5");
    assertThat(confidence.exit()).isEqualTo(Main.EXIT_USAGE);
    assertThat(confidence.err()).contains("--min-confidence: must be between 0 and 1");
    assertThat(run("candidates", "--status", "maybe").err())
        .contains("--status: 'maybe' is not one of pending, accepted, rejected");
    assertThat(run("ingest", "--similarity", "0", "x.txt").exit()).isEqualTo(Main.EXIT_USAGE);
    assertThat(run("ingest").exit()).isEqualTo(Main.EXIT_USAGE);
    assertThat(run("bench-ingest", "--threads", "0").exit()).isEqualTo(Main.EXIT_USAGE);
  }

  @Test
  void aMissingFileIsAFailedDocumentNotACrash() {
    Run r = run("ingest", work.resolve("nowhere.txt").toString());
    assertThat(r.exit()).isEqualTo(Main.EXIT_INVALID_DATA);
    assertThat(r.err()).contains(work.resolve("nowhere.txt") + ": no such file");
    assertThat(r.out()).startsWith("read 1, ingested 0, duplicates 0, near-duplicates 0, failed 1");
  }

  @Test
  void benchIngestPrintsBothRatesAndCanKeepItsCorpus() throws Exception {
    Path corpus = work.resolve("corpus.jsonl");
    Run r = run("bench-ingest", "--mb", "1", "--write-corpus", corpus.toString());
    assertThat(r.err()).doesNotContain("Exception");
    assertThat(r.out())
        .containsPattern("extraction alone \\(normalised text in memory\\)\\s+[\\d.]+\\s+[\\d.]+")
        .containsPattern("full path \\(JSONL -> H2 -> candidates\\)\\s+[\\d.]+\\s+[\\d.]+")
        .contains("bar for extraction 50 MB/s per core")
        .containsPattern(
            "the full path's process CPU time \\(.*\\): [\\d.]+ s, [\\d.]+ MB/s per core");
    assertThat(Files.size(corpus)).isGreaterThanOrEqualTo(1_000_000);
    assertThat(r.exit()).isIn(0, Main.EXIT_FAILURE);
  }
}
