package org.custodiet.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyntheticCorpusTest extends PipelineHarness {

  @Test
  void theSameSeedGivesTheSameCorpus() throws Exception {
    Path a = dir.resolve("a.jsonl");
    Path b = dir.resolve("b.jsonl");
    Path c = dir.resolve("c.jsonl");
    SyntheticCorpus.Written written = SyntheticCorpus.write(a, 200_000, 11);
    SyntheticCorpus.write(b, 200_000, 11);
    SyntheticCorpus.write(c, 200_000, 12);
    assertThat(written.bytes()).isEqualTo(Files.size(a)).isGreaterThanOrEqualTo(200_000);
    assertThat(Files.readAllLines(a)).hasSize((int) written.articles());
    assertThat(Files.mismatch(a, b)).isEqualTo(-1);
    assertThat(Files.mismatch(a, c)).isNotEqualTo(-1);
  }

  @Test
  void itIngestsCleanlyWithRepostsAndSyndicatedCopiesFound() throws Exception {
    Path corpus = dir.resolve("corpus.jsonl");
    SyntheticCorpus.Written written = SyntheticCorpus.write(corpus, 600_000, 3);
    Run run = ingest(corpus);
    assertThat(run.failures()).isEmpty();
    IngestReport r = run.report();
    assertThat(r.read()).isEqualTo(written.articles());
    assertThat(r.bytes()).isEqualTo(written.bytes() - written.articles());
    assertThat(r.duplicates()).as("exact reposts").isPositive();
    assertThat(r.nearDuplicates()).as("syndicated copies").isPositive();
    assertThat(r.nearDuplicates())
        .as("about one in twelve is a syndicated copy")
        .isBetween(r.read() / 20, r.read() / 8);
    assertThat(stored().documents()).isEqualTo(r.ingested());
    assertThat(stored().groups()).isEqualTo(r.ingested() - r.nearDuplicates());
    assertThat(List.of(r.ingested(), r.duplicates(), r.failed()).stream().mapToLong(x -> x).sum())
        .isEqualTo(r.read());
  }
}
