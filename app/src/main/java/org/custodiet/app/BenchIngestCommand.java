package org.custodiet.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.custodiet.core.extract.Extractor;
import org.custodiet.core.extract.Gazetteer;
import org.custodiet.core.extract.RuleBasedExtractor;
import org.custodiet.core.model.KnowledgeBase;
import org.custodiet.ingest.IngestPipeline;
import org.custodiet.ingest.IngestReport;
import org.custodiet.ingest.Progress;
import org.custodiet.ingest.SyntheticCorpus;
import org.custodiet.ingest.TextNormaliser;
import org.custodiet.store.Database;
import org.custodiet.store.KnowledgeBaseRepository;
import org.custodiet.store.SeedLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "bench-ingest",
    mixinStandardHelpOptions = true,
    description = {
      "Benchmark ingestion over a generated news corpus (JSON Lines): extraction alone (texts in"
          + " memory, on --threads threads) beside the full path (read the file, normalise,"
          + " deduplicate, store in a temporary H2 database, extract, store candidates; one"
          + " thread). Prints MB/s and MB/s per core for both.",
      "The extractor is built from the bundled knowledge base. Pin cores with taskset."
    })
final class BenchIngestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--mb",
      defaultValue = "200",
      description = "Corpus size in MB of JSON Lines (default ${DEFAULT-VALUE}).")
  int megabytes;

  @Option(
      names = "--threads",
      defaultValue = "1",
      description = "Threads for extraction alone (default ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--seed", defaultValue = "42", description = "Corpus seed.")
  long seed;

  @Option(
      names = "--write-corpus",
      paramLabel = "FILE",
      description = "Keep the generated corpus in this file for other benchmarks.")
  Path corpusFile;

  /** Extraction above this rate per core meets the design's bar. */
  static final double EXTRACTION_BAR_MB_PER_CORE = 50;

  private static final double MB = 1e6;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Override
  public Integer call() throws Exception {
    if (megabytes < 1 || megabytes > 100_000) {
      throw usage("--mb: must be between 1 and 100000, got " + megabytes);
    }
    if (threads < 1 || threads > 256) {
      throw usage("--threads: must be between 1 and 256, got " + threads);
    }
    PrintWriter out = spec.commandLine().getOut();
    Path work = Files.createTempDirectory("custodiet-bench-ingest-");
    try {
      Path corpus = corpusFile != null ? corpusFile : work.resolve("corpus.jsonl");
      long t0 = System.nanoTime();
      SyntheticCorpus.Written written =
          SyntheticCorpus.write(corpus, (long) megabytes * 1_000_000, seed);
      out.printf(
          Locale.ROOT,
          "corpus: %,d articles, %.1f MB of JSON Lines in %s (generated in %.1f s, seed %d);"
              + " available processors: %d%n",
          written.articles(),
          written.bytes() / MB,
          corpus,
          seconds(System.nanoTime() - t0),
          seed,
          Runtime.getRuntime().availableProcessors());
      out.flush();

      KnowledgeBase kb;
      try (Database seedDb = Database.openDirectory(work.resolve("kb"))) {
        new SeedLoader(seedDb).loadBundled();
        kb = new KnowledgeBaseRepository(seedDb).load();
      }
      Extractor extractor = new RuleBasedExtractor(Gazetteer.from(kb));
      out.printf(
          "extractor: %s %s over %d companies and %d countries%n",
          extractor.name(), extractor.version(), kb.companies().size(), kb.countries().size());

      List<String> texts = normalisedTexts(corpus);
      long textBytes = 0;
      for (String t : texts) {
        textBytes += t.getBytes(StandardCharsets.UTF_8).length;
      }
      extractAll(extractor, texts.subList(0, Math.max(1, texts.size() / 10)), threads);
      long a = System.nanoTime();
      Extraction extraction = extractAll(extractor, texts, threads);
      Measure extractionAlone =
          new Measure(textBytes, seconds(System.nanoTime() - a), extraction.cpuSeconds(), threads);
      texts = null; // frees the in-memory copy before the full path runs

      IngestReport report;
      Measure fullPath;
      double fullPathProcessCpu;
      double loadBefore;
      double loadAfter;
      try (Database db = Database.openDirectory(work.resolve("ingest"))) {
        long b = System.nanoTime();
        long cpu = THREADS.getCurrentThreadCpuTime();
        long processCpu = PROCESS.getProcessCpuTime();
        loadBefore = PROCESS.getSystemLoadAverage();
        report =
            new IngestPipeline(db, extractor).run(List.of(corpus), failure -> {}, Progress.NONE);
        fullPath =
            new Measure(
                written.bytes(),
                seconds(System.nanoTime() - b),
                seconds(THREADS.getCurrentThreadCpuTime() - cpu),
                1);
        fullPathProcessCpu = seconds(PROCESS.getProcessCpuTime() - processCpu);
        loadAfter = PROCESS.getSystemLoadAverage();
      }

      out.printf(
          Locale.ROOT,
          "%-46s %8s %8s %8s %8s %10s %14s%n",
          "measure",
          "MB",
          "wall s",
          "MB/s",
          "threads",
          "cpu s",
          "MB/s per core");
      extractionAlone.print(out, "extraction alone (normalised text in memory)");
      fullPath.print(out, "full path (JSONL -> H2 -> candidates)");
      out.printf(
          Locale.ROOT,
          "MB/s per core is MB per second of CPU time of the measuring threads, so that other load"
              + " on the machine does not count; on idle cores it equals MB/s / threads.%n"
              + "extraction found %,d candidates; the full path: %s%n",
          extraction.candidates(),
          report.summary());
      out.printf(
          Locale.ROOT,
          "the full path's process CPU time (every thread: H2's own, garbage collection, JIT):"
              + " %.2f s, %.1f MB/s per core; load average %.2f at its start, %.2f at its end%n",
          fullPathProcessCpu,
          written.bytes() / MB / fullPathProcessCpu,
          loadBefore,
          loadAfter);
      boolean meets = extractionAlone.perCore() >= EXTRACTION_BAR_MB_PER_CORE;
      out.printf(
          Locale.ROOT,
          "extraction %.1f MB/s per core, the full path %.1f MB/s per core (%.0fx slower);"
              + " bar for extraction %.0f MB/s per core: %s%n",
          extractionAlone.perCore(),
          fullPath.perCore(),
          extractionAlone.perCore() / fullPath.perCore(),
          EXTRACTION_BAR_MB_PER_CORE,
          meets ? "met" : "NOT MET");
      out.flush();
      return meets ? 0 : Main.EXIT_FAILURE;
    } finally {
      deleteTree(work);
    }
  }

  /** The texts of the corpus as the pipeline stores them, so both paths extract the same text. */
  private static List<String> normalisedTexts(Path corpus) throws IOException {
    List<String> texts = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        JsonNode node = MAPPER.readTree(line);
        texts.add(TextNormaliser.normalise(node.get("text").asText()));
      }
    }
    return texts;
  }

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /**
   * The process's CPU time, which also counts threads the database starts itself: whether its pages
   * are written on the ingesting thread or on one of its own depends on its settings.
   */
  private static final com.sun.management.OperatingSystemMXBean PROCESS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  /** One measured path. */
  private record Measure(long bytes, double wallSeconds, double cpuSeconds, int threads) {
    double perCore() {
      return bytes / MB / cpuSeconds;
    }

    void print(PrintWriter out, String label) {
      out.printf(
          Locale.ROOT,
          "%-46s %8.1f %8.2f %8.1f %8d %10.2f %14.1f%n",
          label,
          bytes / MB,
          wallSeconds,
          bytes / MB / wallSeconds,
          threads,
          cpuSeconds,
          perCore());
    }
  }

  /** Candidates found, and the CPU time the extracting threads took. */
  private record Extraction(long candidates, double cpuSeconds) {}

  /** Runs the extractor over every text on {@code threads} threads. */
  private static Extraction extractAll(Extractor extractor, List<String> texts, int threads)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Extraction>> parts = new ArrayList<>();
      int size = (texts.size() + threads - 1) / threads;
      for (int from = 0; from < texts.size(); from += size) {
        List<String> part = texts.subList(from, Math.min(texts.size(), from + size));
        parts.add(
            pool.submit(
                () -> {
                  long cpu = THREADS.getCurrentThreadCpuTime();
                  long found = 0;
                  for (String text : part) {
                    found += extractor.extract(text).size();
                  }
                  return new Extraction(found, seconds(THREADS.getCurrentThreadCpuTime() - cpu));
                }));
      }
      long found = 0;
      double cpu = 0;
      for (Future<Extraction> part : parts) {
        found += part.get().candidates();
        cpu += part.get().cpuSeconds();
      }
      return new Extraction(found, cpu);
    } finally {
      pool.shutdown();
    }
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private picocli.CommandLine.ParameterException usage(String message) {
    return new picocli.CommandLine.ParameterException(spec.commandLine(), message);
  }
}
