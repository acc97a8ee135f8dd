package org.custodiet.spark;

import com.sun.management.OperatingSystemMXBean;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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
import org.custodiet.ingest.IngestPipeline;
import org.custodiet.ingest.IngestReport;
import org.custodiet.ingest.Limits;
import org.custodiet.ingest.Progress;
import org.custodiet.ingest.SyntheticCorpus;
import org.custodiet.store.Database;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Scaling benchmark over a generated news corpus (JSON Lines split into --files files). In"
          + " one run it measures: the embedded path as `custodiet ingest` runs it (read,"
          + " normalise, drop exact copies, store in a new H2 database, group near-duplicates,"
          + " extract, store candidates; one thread); the same stages without any database or"
          + " output (one thread); and the Spark job on local[1] and local[2] (which also writes"
          + " its Parquet outputs).",
      "Prints MB/s (wall) and MB/s per core (MB per second of this process's CPU time, all"
          + " threads, so load from other processes does not count) for each, and the per-core"
          + " ratio of each Spark row to each embedded row (bar: within 25 %).",
      "Exits 0 when every ratio meets the bar and every row counted the same documents,"
          + " copies, near-duplicates, quarantined records and candidates; else 4."
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

  @Option(
      names = "--skip-full-path",
      description = "Do not measure the embedded path with its H2 database.")
  boolean skipFullPath;

  @Option(
      names = "--skip-stages",
      description = "Do not measure the embedded stages without a database.")
  boolean skipStages;

  @Option(names = "--skip-local1", description = "Do not measure the Spark job on local[1].")
  boolean skipLocal1;

  @Option(names = "--skip-local2", description = "Do not measure the Spark job on local[2].")
  boolean skipLocal2;

  @CommandLine.Mixin SparkJobMain.KnowledgeBaseOptions kb;

  /** The Spark job's per-core throughput may be at most this much below the embedded path's. */
  static final double BAR = 0.25;

  private static final double MB = 1e6;
  private static final double MIN_SIMILARITY = IngestPipeline.DEFAULT_MIN_SIMILARITY;

  @Override
  public Integer call() throws Exception {
    if (!(gigabytes > 0 && gigabytes <= 100)) {
      throw usage("--gb: must be in (0, 100], got " + gigabytes);
    }
    if (files < 1 || files > 10_000) {
      throw usage("--files: must be between 1 and 10000, got " + files);
    }
    if (skipFullPath && skipStages) {
      throw usage("--skip-full-path and --skip-stages: nothing left to compare the Spark job with");
    }
    if (skipLocal1 && skipLocal2) {
      throw usage("--skip-local1 and --skip-local2: no Spark job left to measure");
    }
    if (corpusDir != null && Files.exists(corpusDir)) {
      throw usage("--write-corpus: " + corpusDir + " already exists");
    }
    PrintWriter out = spec.commandLine().getOut();
    Path work = Files.createTempDirectory("custodiet-spark-bench-");
    try {
      Path corpus = corpusDir != null ? corpusDir : work.resolve("corpus");
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
          loadAverage());
      out.flush();
      GazetteerSource lists = GazetteerSource.of(kb.load());
      List<Path> paths;
      try (Stream<Path> list = Files.list(corpus)) {
        paths = list.sorted().toList();
      }

      List<Row> baselines = new ArrayList<>();
      if (!skipFullPath) {
        // `custodiet ingest` into a new database seeded as every command seeds it; its candidates
        // name companies by id, so the extractor is built from that database's knowledge base.
        GazetteerSource bundled;
        try (Database db = Database.openDirectory(work.resolve("warmup-h2"))) {
          bundled = GazetteerSource.of(SparkJobMain.KnowledgeBaseOptions.seeded(db));
          // Warm-up on one file, so that the measured run does not pay for class loading and JIT.
          new IngestPipeline(db, bundled.extractor(), Limits.DEFAULT, MIN_SIMILARITY)
              .run(paths.subList(0, 1), failure -> {}, Progress.NONE);
        }
        if (!bundled.equals(lists)) {
          out.println(
              "note: the knowledge base of --data/--db differs from the bundled one; the full path"
                  + " extracts with the bundled one, the other rows with --data/--db's");
        }
        baselines.add(fullPath(bundled, paths, work.resolve("ingest-h2"), bytes, out));
      }
      if (!skipStages) {
        EmbeddedStages.run(paths.subList(0, 1), lists.extractor(), Limits.DEFAULT, MIN_SIMILARITY);
        baselines.add(stages(lists, paths, bytes, out));
      }
      List<Row> spark = new ArrayList<>();
      List<String> masters = new ArrayList<>();
      if (!skipLocal1) {
        masters.add("local[1]");
      }
      if (!skipLocal2) {
        masters.add("local[2]");
      }
      for (String master : masters) {
        spark.add(sparkJob(master, lists, paths, corpus, work, bytes, out));
      }

      out.println();
      out.printf(
          Locale.ROOT,
          "%-52s %8s %8s %8s %10s %14s%n",
          "measure",
          "MB",
          "wall s",
          "MB/s",
          "cpu s",
          "MB/s per core");
      for (Row row : baselines) {
        row.print(out);
      }
      for (Row row : spark) {
        row.print(out);
      }
      out.println();
      out.println(
          "what each row does: embedded full path = IngestPipeline as `custodiet ingest` runs it,"
              + " one thread, WRITES every document, group and candidate to a new H2 database;"
              + " embedded stages = the same reading, normalisation, copy and near-duplicate rules"
              + " (in memory) and extraction on one thread, WRITES NOTHING; spark job = the job"
              + " on local[N], WRITES candidates, documents (with bodies) and quarantine as"
              + " Parquet, no database.");
      out.println(
          "cpu s is this process's CPU time over all its threads (H2's, Spark's, GC and JIT"
              + " included) during the row; MB/s per core = MB / cpu s.");
      List<Row> all = new ArrayList<>(baselines);
      all.addAll(spark);
      boolean sameWork = all.stream().map(Row::work).distinct().count() == 1;
      if (!sameWork) {
        out.println(
            "COUNTS DIFFER: the rows did not do the same work, so their throughputs do not"
                + " compare");
      }
      boolean met = sameWork;
      for (Row job : spark) {
        for (Row baseline : baselines) {
          double ratio = job.measure().perCore() / baseline.measure().perCore();
          boolean ok = ratio >= 1 - BAR;
          met &= ok;
          out.printf(
              Locale.ROOT,
              "per core: %s / %s = %.2f (bar: at least %.2f): %s%n",
              job.name(),
              baseline.name(),
              ratio,
              1 - BAR,
              ok ? "met" : "NOT MET");
        }
      }
      if (spark.size() == 2) {
        out.printf(
            Locale.ROOT,
            "local[2] / local[1] wall speed-up: %.2f%n",
            spark.get(1).measure().mbPerSecond() / spark.get(0).measure().mbPerSecond());
      }
      out.printf(Locale.ROOT, "load average at end: %.2f%n", loadAverage());
      out.flush();
      return met ? 0 : SparkJobMain.EXIT_FAILURE;
    } finally {
      deleteTree(work);
    }
  }

  private static Row fullPath(
      GazetteerSource lists, List<Path> paths, Path dbDir, long bytes, PrintWriter out) {
    Database db = Database.openDirectory(dbDir);
    IngestReport report;
    long wall;
    long cpu;
    long threadCpu;
    try {
      SparkJobMain.KnowledgeBaseOptions.seeded(db);
      IngestPipeline pipeline =
          new IngestPipeline(db, lists.extractor(), Limits.DEFAULT, MIN_SIMILARITY);
      wall = System.nanoTime();
      cpu = processCpu();
      threadCpu = THREADS.getCurrentThreadCpuTime();
      report = pipeline.run(paths, failure -> {}, Progress.NONE);
    } finally {
      // Closing is part of the run: H2 writes what it still holds.
      db.close();
    }
    long threadNanos = THREADS.getCurrentThreadCpuTime() - threadCpu;
    Measure m = new Measure(bytes, System.nanoTime() - wall, processCpu() - cpu);
    Row row =
        new Row(
            "embedded full path",
            "embedded full path, 1 thread, writes H2",
            m,
            new EmbeddedStages.Counts(
                report.read(),
                report.ingested(),
                report.duplicates(),
                report.nearDuplicates(),
                report.failed(),
                report.candidates()),
            String.format(
                Locale.ROOT,
                "%s; the measuring thread alone: %.2f cpu s, %.1f MB/s per core",
                report.summary(),
                threadNanos / 1e9,
                bytes / MB / (threadNanos / 1e9)));
    row.print(out);
    return row;
  }

  private static Row stages(GazetteerSource lists, List<Path> paths, long bytes, PrintWriter out) {
    long wall = System.nanoTime();
    long cpu = processCpu();
    EmbeddedStages.Counts c =
        EmbeddedStages.run(paths, lists.extractor(), Limits.DEFAULT, MIN_SIMILARITY);
    Measure m = new Measure(bytes, System.nanoTime() - wall, processCpu() - cpu);
    Row row =
        new Row(
            "embedded stages",
            "embedded stages, 1 thread, writes nothing",
            m,
            c,
            String.format(
                Locale.ROOT,
                "read %d, documents %d, duplicates %d, near-duplicates %d, quarantined %d,"
                    + " candidates %d",
                c.read(),
                c.documents(),
                c.duplicates(),
                c.nearDuplicates(),
                c.quarantined(),
                c.candidates()));
    row.print(out);
    return row;
  }

  private static Row sparkJob(
      String master,
      GazetteerSource lists,
      List<Path> paths,
      Path corpus,
      Path work,
      long bytes,
      PrintWriter out)
      throws IOException {
    SparkSession session = LocalSpark.start(master, "custodiet spark-job bench");
    try {
      // Warm-up on one file, as for the embedded rows.
      SparkIngestJob.run(
              session,
              lists,
              new SparkIngestJob.Options(
                  List.of(paths.get(0).toString()),
                  work.resolve("warmup-" + master).toString(),
                  Limits.DEFAULT,
                  MIN_SIMILARITY))
          .release();
      long wall = System.nanoTime();
      long cpu = processCpu();
      SparkIngestJob.Result result =
          SparkIngestJob.run(
              session,
              lists,
              new SparkIngestJob.Options(
                  List.of(corpus.toString()),
                  work.resolve("out-" + master).toString(),
                  Limits.DEFAULT,
                  MIN_SIMILARITY));
      Measure m = new Measure(bytes, System.nanoTime() - wall, processCpu() - cpu);
      result.release();
      SparkIngestJob.Report report = result.report();
      Row row =
          new Row(
              "spark " + master,
              "spark job on " + master + ", writes Parquet",
              m,
              new EmbeddedStages.Counts(
                  report.read(),
                  report.documents(),
                  report.duplicates(),
                  report.nearDuplicates(),
                  report.quarantined(),
                  report.candidates()),
              report.summary());
      row.print(out);
      return row;
    } finally {
      session.stop();
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

  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private record Measure(long bytes, long wallNanos, long cpuNanos) {
    double mbPerSecond() {
      return bytes / MB / (wallNanos / 1e9);
    }

    double perCore() {
      return bytes / MB / (cpuNanos / 1e9);
    }
  }

  /**
   * One measured row: a short name for the ratios, a label for the table, what it counted (as data,
   * so that rows doing different work are caught) and its counts as printed.
   */
  private record Row(
      String name, String label, Measure measure, EmbeddedStages.Counts work, String counts) {
    void print(PrintWriter out) {
      out.printf(
          Locale.ROOT,
          "%-52s %8.1f %8.2f %8.1f %10.2f %14.1f%n",
          label,
          measure.bytes() / MB,
          measure.wallNanos() / 1e9,
          measure.mbPerSecond(),
          measure.cpuNanos() / 1e9,
          measure.perCore());
      out.println("  " + counts);
      out.flush();
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
