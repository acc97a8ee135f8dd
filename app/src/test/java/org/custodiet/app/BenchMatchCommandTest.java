package org.custodiet.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Runs the benchmark small: it must print its figures and the baselines, not meet a speed. */
class BenchMatchCommandTest {
  @Test
  void printsThroughputAndLatencyBesideTheBaselines() {
    CommandLineTest.Run r =
        CommandLineTest.run(
            "bench-match", "--entries", "2000", "--queries", "3000", "--threads", "2");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("2,000 synthetic entries")
        .contains("baseline: exact lookup")
        .contains("baseline: normalise only")
        .contains("matcher (top 10 hits)")
        .contains("queries/s")
        .contains("per CPU-s")
        .contains("checksum")
        .contains("p99");
  }

  @Test
  void refusesNonsenseSizes() {
    assertThat(CommandLineTest.run("bench-match", "--entries", "0").exit())
        .isEqualTo(Main.EXIT_INVALID_DATA);
    assertThat(CommandLineTest.run("bench-match", "--threads", "0").exit())
        .isEqualTo(Main.EXIT_INVALID_DATA);
  }
}
