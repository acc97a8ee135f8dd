package org.custodiet.app;

import java.io.PrintWriter;
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
import java.util.function.ToIntFunction;
import org.custodiet.core.screening.ListEntry;
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

  record Measurement(
      String name, double perSecond, double p50Micros, double p99Micros, long hits) {}

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

    ToIntFunction<String> lookup = q -> exact.containsKey(q.toLowerCase(Locale.ROOT)) ? 1 : 0;
    ToIntFunction<String> normalise = q -> normaliser.normalise(q).tokens().isEmpty() ? 0 : 1;
    ToIntFunction<String> match = q -> matcher.match(ScreeningQuery.of(q), 10).isEmpty() ? 0 : 1;

    // warm-up: let the JIT compile the paths before anything is timed
    int warmUp = Math.min(names.size(), 20_000);
    run("warm-up", names.subList(0, warmUp), match);
    run("warm-up", names.subList(0, warmUp), normalise);

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
        "%-26s %14s %10s %10s %12s%n",
        "",
        "queries/s",
        "p50 us",
        "p99 us",
        "with hits");
    for (Measurement m : results) {
      out.printf(
          Locale.ROOT,
          "%-26s %,14.0f %10.1f %10.1f %11.1f%%%n",
          m.name(),
          m.perSecond(),
          m.p50Micros(),
          m.p99Micros(),
          100.0 * m.hits() / names.size());
    }
    out.flush();
    return 0;
  }

  private Measurement run(String name, List<String> names, ToIntFunction<String> work)
      throws Exception {
    long[] latencies = new long[names.size()];
    AtomicLong hits = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      long started = System.nanoTime();
      for (int t = 0; t < threads; t++) {
        int first = t;
        futures.add(
            pool.submit(
                () -> {
                  long found = 0;
                  for (int i = first; i < names.size(); i += threads) {
                    long begin = System.nanoTime();
                    found += work.applyAsInt(names.get(i));
                    latencies[i] = System.nanoTime() - begin;
                  }
                  hits.addAndGet(found);
                }));
      }
      for (Future<?> future : futures) {
        future.get();
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      Arrays.sort(latencies);
      return new Measurement(
          name,
          names.size() / seconds,
          percentile(latencies, 0.50) / 1e3,
          percentile(latencies, 0.99) / 1e3,
          hits.get());
    } finally {
      pool.shutdownNow();
    }
  }

  private static double percentile(long[] sorted, double share) {
    int index = (int) Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1);
    return sorted[Math.max(0, index)];
  }
}
