package org.custodiet.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.custodiet.core.model.KnowledgeBase;
import org.custodiet.ingest.Limits;
import org.custodiet.store.Database;
import org.custodiet.store.KnowledgeBaseRepository;
import org.custodiet.store.SeedLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Corrupt input is quarantined with its file, position and error; the job still finishes. */
class BadInputTest {
  @TempDir static Path dir;

  private static GazetteerSource lists;

  @BeforeAll
  static void loadKnowledgeBase() {
    try (Database db = Database.openDirectory(dir.resolve("kb"))) {
      new SeedLoader(db).loadBundled();
      KnowledgeBase kb = new KnowledgeBaseRepository(db).load();
      lists = GazetteerSource.of(kb);
    }
  }

  @Test
  void corruptWarcAndJsonAreQuarantinedAndTheRestIsRead() throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    Files.write(
        in.resolve("truncated.warc"),
        "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\n<html>cut"
            .getBytes(StandardCharsets.US_ASCII));
    Files.write(in.resolve("noise.warc"), new byte[] {0, 1, 2, 3, (byte) 0xff, 0, 7});
    Files.writeString(
        in.resolve("ok.jsonl"),
        "{\"url\": \"https://ok.example/a\", \"text\": \"Axon sold body cameras to the police.\"}\n"
            + "{\"url\": \"not a url at all\", \"text\": \"Text with an address that fails.\"}\n"
            + "{\"text\": \"... !!! ...\"}\n");
    String out = dir.resolve("out").toString();
    SparkIngestJob.Report report =
        SparkIngestJob.run(
                SharedSpark.session(),
                lists,
                new SparkIngestJob.Options(List.of(in.toString()), out, Limits.DEFAULT, 0.5))
            .report();

    assertThat(
            SharedSpark.session().read().parquet(out + "/documents").collectAsList().stream()
                .map(r -> r.<String>getAs("origin")))
        .containsExactly(in.resolve("ok.jsonl") + " line 1");
    assertThat(report.documents()).isEqualTo(1);
    assertThat(report.quarantined()).isGreaterThanOrEqualTo(4);
    assertThat(report.read())
        .isEqualTo(report.documents() + report.duplicates() + report.quarantined());
    List<Row> quarantine =
        SharedSpark.session().read().parquet(out + "/quarantine").collectAsList();
    assertThat(quarantine).hasSize((int) report.quarantined());
    assertThat(quarantine)
        .extracting(r -> r.<String>getAs("origin") + ": " + r.<String>getAs("error"))
        .anyMatch(q -> q.contains("truncated.warc"))
        .anyMatch(q -> q.contains("noise.warc"))
        .anyMatch(q -> q.contains("ok.jsonl line 2: url:"))
        .anyMatch(q -> q.contains("ok.jsonl line 3: no text left after removing markup"));
  }

  @Test
  void missingInputsAndAnExistingOutputAreRefusedBeforeAnythingRuns() throws Exception {
    Path out = Files.createDirectories(dir.resolve("exists"));
    assertThatThrownBy(
            () ->
                SparkIngestJob.run(
                    SharedSpark.session(),
                    lists,
                    new SparkIngestJob.Options(
                        List.of(dir.resolve("nowhere").toString()),
                        dir.resolve("new").toString(),
                        Limits.DEFAULT,
                        0.5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nowhere: no such file or directory");
    assertThatThrownBy(
            () ->
                SparkIngestJob.run(
                    SharedSpark.session(),
                    lists,
                    new SparkIngestJob.Options(
                        List.of(dir.toString()), out.toString(), Limits.DEFAULT, 0.5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("already exists");
    Path empty = Files.createDirectories(dir.resolve("empty"));
    assertThatThrownBy(
            () ->
                SparkIngestJob.run(
                    SharedSpark.session(),
                    lists,
                    new SparkIngestJob.Options(
                        List.of(empty.toString()),
                        dir.resolve("new2").toString(),
                        Limits.DEFAULT,
                        0.5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("hold no files");
  }
}
