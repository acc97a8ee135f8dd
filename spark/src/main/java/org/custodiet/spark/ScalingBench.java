package org.custodiet.spark;

import com.sun.management.OperatingSystemMXBean;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.custodiet.ingest.Limits;
import org.custodiet.ingest.SyntheticCorpus;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Scaling benchmark over a generated news corpus (JSON Lines split into --files files): in"
          + " one run, the embedded path's stages on one thread without a database (read,"
          + " normalise, drop exact copies, near-duplicate LSH, extract) and the Spark job doing"
          + " the same on local[1] and local[2] (plus writing its Parquet outputs).",
      "Prints MB/s (wall) and MB/s per core (MB per second of this process's CPU time, so load"
          + " from other processes does not count) for each, and the per-core ratio of the"
          + " Spark job on local[1] to the embedded path (bar: within 25 %)."
    })
final class ScalingBench implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--gb",
      defaultValue = "1",
      description = "Corpus size in GB (10^9 bytes; default ${DEFAULT-VALUE}).")
  double gigabytes;

  @Option(names = "--files", defaultValue = "16", description = "Files to split it into.")
  int files;

  @Option(names = "--seed", defaultValue = "42", description = "Corpus seed.")
  long seed;

  @Option(
      names = "--write-corpus",
      paramLabel = "DIR",
      description = "Keep the corpus in this new directory (default: a temporary one).")
  Path corpusDir;

  @CommandLine.Mixin SparkJobMain.KnowledgeBaseOptions kb;

  /** The Spark job's per-core throughput on one core may be at most this much below embedded. */
  static final double BAR = 0.25;

  private static final double MB = 1e6;

  @Override
  public Integer call() throws Exception {
    if (!(gigabytes > 0 && gigabytes <= 100)) {
      throw usage("--gb: must be in (0, 100], got " + gigabytes);
    }
    if (files < 1 || files > 10_000) {
      throw usage("--files: must be between 1 and 10000, got " + files);
    }
    PrintWriter out = spec.commandLine().getOut();
    Path work = Files.createTempDirectory("custodiet-spark-bench-");
    try {
      Path corpus = corpusDir != null ? corpusDir : work.resolve("corpus");
      if (corpusDir != null && Files.exists(corpusDir)) {
        throw usage("--write-corpus: " + corpusDir + " already exists");
      }
      long bytes = writeCorpus(corpus, (long) (gigabytes * 1e9), files, seed);
      out.printf(
          Locale.ROOT,
          "corpus: %.1f MB of JSON Lines in %d files in %s (seed %d); available processors: %d;"
              + " load average at start: %.2f%n",
          bytes / MB,
          files,
          corpus,
          seed,
          Runtime.getRuntime().availableProcessors(),
          ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
      out.flush();
      GazetteerSource lists = GazetteerSource.of(kb.load());
      List<Path> paths;
      try (Stream<Path> list = Files.list(corpus)) {
        paths = list.sorted().toList();
      }
      // One small warm-up of each, so that neither pays for class loading and JIT alone.
      EmbeddedStages.run(paths.subList(0, 1), lists.extractor(), Limits.DEFAULT, 0.5);

      out.printf(
          Locale.ROOT,
          "%-44s %8s %8s %8s %10s %14s%n",
          "measure",
          "MB",
          "wall s",
          "MB/s",
          "cpu s",
          "MB/s per core");
      long wall = System.nanoTime();
      long cpu = processCpu();
      EmbeddedStages.Counts counts =
          EmbeddedStages.run(paths, lists.extractor(), Limits.DEFAULT, 0.5);
      Measure embedded = new Measure(bytes, System.nanoTime() - wall, processCpu() - cpu);
      embedded.print(out, "embedded stages, 1 thread, no database");
      out.printf(
          Locale.ROOT,
          "  read %d, documents %d, duplicates %d, near-duplicates %d, quarantined %d,"
              + " candidates %d%n",
          counts.read(),
          counts.documents(),
          counts.duplicates(),
          counts.nearDuplicates(),
          counts.quarantined(),
          counts.candidates());
      out.flush();

      List<Measure> spark = new ArrayList<>();
      for (String master : List.of("local[1]", "local[2]")) {
        SparkSession session = LocalSpark.start(master, "custodiet spark-job bench");
        try {
          SparkIngestJob.run(
              session,
              lists,
              new SparkIngestJob.Options(
                  List.of(paths.get(0).toString()),
                  work.resolve("warmup-" + spark.size()).toString(),
                  Limits.DEFAULT,
                  0.5));
          wall = System.nanoTime();
          cpu = processCpu();
          SparkIngestJob.Report report =
              SparkIngestJob.run(
                      session,
                      lists,
                      new SparkIngestJob.Options(
                          List.of(corpus.toString()),
                          work.resolve("out-" + spark.size()).toString(),
                          Limits.DEFAULT,
                          0.5))
                  .report();
          Measure m = new Measure(bytes, System.nanoTime() - wall, processCpu() - cpu);
          spark.add(m);
          m.print(out, "spark job on " + master + " (with Parquet output)");
          out.println("  " + report.summary());
          out.flush();
        } finally {
          session.stop();
        }
      }
      double ratio = spark.get(0).perCore() / embedded.perCore();
      boolean met = ratio >= 1 - BAR;
      out.printf(
          Locale.ROOT,
          "per core: spark local[1] / embedded = %.2f (bar: at least %.2f): %s;"
              + " local[2] / local[1] wall speed-up: %.2f; load average at end: %.2f%n",
          ratio,
          1 - BAR,
          met ? "met" : "NOT MET",
          spark.get(1).mbPerSecond() / spark.get(0).mbPerSecond(),
          ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
      out.flush();
      return met ? 0 : SparkJobMain.EXIT_FAILURE;
    } finally {
      deleteTree(work);
    }
  }

  /** Writes one generated corpus, split into files of about equal size, in order. */
  static long writeCorpus(Path dir, long targetBytes, int fileCount, long seed) throws IOException {
    Files.createDirectories(dir);
    SyntheticCorpus corpus = new SyntheticCorpus(seed);
    long perFile = Math.max(1, targetBytes / fileCount);
    long total = 0;
    for (int f = 0; f < fileCount; f++) {
      long written = 0;
      Path file = dir.resolve(String.format(Locale.ROOT, "part-%05d.jsonl", f));
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
        while (written < perFile) {
          byte[] line = corpus.next().toJsonLine().getBytes(StandardCharsets.UTF_8);
          out.write(line);
          written += line.length;
        }
      }
      total += written;
    }
    return total;
  }

  private static long processCpu() {
    return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private record Measure(long bytes, long wallNanos, long cpuNanos) {
    double mbPerSecond() {
      return bytes / MB / (wallNanos / 1e9);
    }

    double perCore() {
      return bytes / MB / (cpuNanos / 1e9);
    }

    void print(PrintWriter out, String label) {
      out.printf(
          Locale.ROOT,
          "%-44s %8.1f %8.2f %8.1f %10.2f %14.1f%n",
          label,
          bytes / MB,
          wallNanos / 1e9,
          mbPerSecond(),
          cpuNanos / 1e9,
          perCore());
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }
}
