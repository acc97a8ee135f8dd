package org.custodiet.app;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToLongFunction;
import org.custodiet.core.screening.ListEntry;
import org.custodiet.core.screening.MatchHit;
import org.custodiet.core.screening.Matcher;
import org.custodiet.core.screening.NameNormaliser;
import org.custodiet.core.screening.ScreeningQuery;
import org.custodiet.core.screening.SyntheticEntries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "bench-match",
    mixinStandardHelpOptions = true,
    description = {
      "Measure name screening: queries per second and latency percentiles against synthetic list"
          + " entries (place + invented brand + industry + legal form, some Cyrillic and Chinese,"
          + " a tenth persons).",
      "Two baselines run in the same process on the same queries and threads: an exact lookup of"
          + " the lower-cased name in a hash map, and the normaliser alone (transliteration and"
          + " tokens, no matching)."
    })
final class BenchMatchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--entries", defaultValue = "100000", description = "List entries to generate.")
  int entries;

  @Option(names = "--queries", defaultValue = "200000", description = "Queries per measurement.")
  int queries;

  @Option(names = "--threads", defaultValue = "2", description = "Threads issuing queries.")
  int threads;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of the synthetic data.")
  long seed;

  /**
   * {@code perCpuSecond} divides the queries by the CPU time of the measuring threads: on a machine
   * shared with other work it is the figure that says what the code costs. {@code checksum} digests
   * every query's answer in query order, so two builds can be shown to answer alike.
   */
  record Measurement(
      String name,
      double perSecond,
      double perCpuSecond,
      double p50Micros,
      double p99Micros,
      long hits,
      long checksum) {}

  @Override
  public Integer call() throws Exception {
    if (entries < 1 || entries > 5_000_000) {
      throw new IllegalArgumentException("--entries: must be between 1 and 5,000,000");
    }
    if (queries < 1 || queries > 50_000_000) {
      throw new IllegalArgumentException("--queries: must be between 1 and 50,000,000");
    }
    if (threads < 1 || threads > 256) {
      throw new IllegalArgumentException("--threads: must be between 1 and 256");
    }
    PrintWriter out = spec.commandLine().getOut();
    List<ListEntry> list = SyntheticEntries.entries(entries, seed);
    List<String> names = SyntheticEntries.queries(list, queries, seed + 1);

    long started = System.nanoTime();
    Matcher matcher = Matcher.build(list);
    double buildSeconds = (System.nanoTime() - started) / 1e9;
    Map<String, String> exact = new HashMap<>();
    for (ListEntry entry : list) {
      for (String name : entry.names()) {
        exact.putIfAbsent(name.toLowerCase(Locale.ROOT), entry.id());
      }
    }
    NameNormaliser normaliser = new NameNormaliser();

    // each work answers a digest of its result, 0 for "nothing found"
    ToLongFunction<String> lookup =
        q -> nonZero(exact.getOrDefault(q.toLowerCase(Locale.ROOT), "").hashCode());
    ToLongFunction<String> normalise =
        q -> {
          List<String> tokens = normaliser.normalise(q).tokens();
          return tokens.isEmpty() ? 0 : nonZero(tokens.hashCode());
        };
    ToLongFunction<String> match = q -> digest(matcher.match(ScreeningQuery.of(q), 10));

    // warm-up: the matcher's paths take about 100,000 queries to reach their compiled speed, so
    // it runs every query once untimed; a shorter warm-up left JIT compilation inside the timing
    run("warm-up", names, match);
    run("warm-up", names.subList(0, Math.min(names.size(), 20_000)), normalise);

    List<Measurement> results = new ArrayList<>();
    results.add(run("baseline: exact lookup", names, lookup));
    results.add(run("baseline: normalise only", names, normalise));
    results.add(run("matcher (top 10 hits)", names, match));

    out.printf(
        Locale.ROOT,
        "%,d synthetic entries (%,d names indexed in %.1f s), %,d queries, %d threads, %d"
            + " processors%n",
        entries,
        list.stream().mapToInt(e -> e.names().size()).sum(),
        buildSeconds,
        names.size(),
        threads,
        Runtime.getRuntime().availableProcessors());
    out.printf(
        Locale.ROOT,
        "%-26s %14s %14s %10s %10s %12s  %s%n",
        "",
        "queries/s",
        "per CPU-s",
        "p50 us",
        "p99 us",
        "with hits",
        "checksum");
    for (Measurement m : results) {
      out.printf(
          Locale.ROOT,
          "%-26s %,14.0f %,14.0f %10.1f %10.1f %11.1f%%  %016x%n",
          m.name(),
          m.perSecond(),
          m.perCpuSecond(),
          m.p50Micros(),
          m.p99Micros(),
          100.0 * m.hits() / names.size(),
          m.checksum());
    }
    out.flush();
    return 0;
  }

  private Measurement run(String name, List<String> names, ToLongFunction<String> work)
      throws Exception {
    long[] latencies = new long[names.size()];
    long[] digests = new long[names.size()];
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    AtomicLong cpuNanos = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      long started = System.nanoTime();
      for (int t = 0; t < threads; t++) {
        int first = t;
        futures.add(
            pool.submit(
                () -> {
                  long cpuStarted = cpu.getCurrentThreadCpuTime();
                  for (int i = first; i < names.size(); i += threads) {
                    long begin = System.nanoTime();
                    digests[i] = work.applyAsLong(names.get(i));
                    latencies[i] = System.nanoTime() - begin;
                  }
                  cpuNanos.addAndGet(cpu.getCurrentThreadCpuTime() - cpuStarted);
                }));
      }
      for (Future<?> future : futures) {
        future.get();
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      long hits = 0;
      long checksum = 17;
      for (long digest : digests) {
        hits += digest == 0 ? 0 : 1;
        checksum = checksum * 1_000_003 + digest;
      }
      Arrays.sort(latencies);
      return new Measurement(
          name,
          names.size() / seconds,
          names.size() / Math.max(cpuNanos.get() / 1e9, 1e-9),
          percentile(latencies, 0.50) / 1e3,
          percentile(latencies, 0.99) / 1e3,
          hits,
          checksum);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Hit ids and scores to 1e-9, in rank order; 0 when there is no hit. */
  private static long digest(List<MatchHit> hits) {
    long digest = 0;
    for (MatchHit hit : hits) {
      digest = digest * 31 + hit.entry().id().hashCode();
      digest = digest * 31 + Math.round(hit.score() * 1e9);
    }
    return hits.isEmpty() ? 0 : nonZero(digest);
  }

  private static long nonZero(long digest) {
    return digest == 0 ? 1 : digest;
  }

  private static double percentile(long[] sorted, double share) {
    int index = (int) Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1);
    return sorted[Math.max(0, index)];
  }
}
