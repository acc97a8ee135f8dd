package org.custodiet.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The benchmark refuses arguments it cannot run with before it generates anything. */
class ScalingBenchArgumentsTest {
  @TempDir Path dir;

  private final StringWriter err = new StringWriter();

  private int bench(String... args) {
    CommandLine cli = new CommandLine(new SparkJobMain());
    cli.setErr(new PrintWriter(err));
    String[] all = new String[args.length + 1];
    all[0] = "bench";
    System.arraycopy(args, 0, all, 1, args.length);
    return cli.execute(all);
  }

  @Test
  void aSizeOutsideTheRangeIsRefused() {
    assertThat(bench("--gb", "0")).isEqualTo(2);
    assertThat(bench("--gb", "101")).isEqualTo(2);
    assertThat(err.toString())
        .contains("--gb: must be in (0, 100], got 0.0")
        .contains("--gb: must be in (0, 100], got 101.0");
  }

  @Test
  void aFileCountOutsideTheRangeIsRefused() {
    assertThat(bench("--gb", "0.001", "--files", "0")).isEqualTo(2);
    assertThat(err.toString()).contains("--files: must be between 1 and 10000, got 0");
  }

  @Test
  void skippingBothBaselinesOrBothSparkRowsIsRefused() {
    assertThat(bench("--gb", "0.001", "--skip-full-path", "--skip-stages")).isEqualTo(2);
    assertThat(bench("--gb", "0.001", "--skip-local1", "--skip-local2")).isEqualTo(2);
    assertThat(err.toString())
        .contains("nothing left to compare the Spark job with")
        .contains("no Spark job left to measure");
  }

  @Test
  void anExistingCorpusDirectoryIsRefused() throws Exception {
    Path existing = Files.createDirectories(dir.resolve("corpus"));
    assertThat(bench("--gb", "0.001", "--write-corpus", existing.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--write-corpus: " + existing + " already exists");
    assertThat(existing).isEmptyDirectory();
  }
}
