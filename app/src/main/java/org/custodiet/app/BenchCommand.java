package org.custodiet.app;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.custodiet.core.index.IndexEngine;
import org.custodiet.core.index.IndexQuery;
import org.custodiet.core.index.IndexResult;
import org.custodiet.core.index.Profiles;
import org.custodiet.core.model.Claim;
import org.custodiet.core.model.CuratorFlag;
import org.custodiet.core.model.Evidence;
import org.custodiet.core.model.KnowledgeBase;
import org.custodiet.core.rules.ClaimStatus;
import org.custodiet.core.rules.CodingRules;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Benchmark a full recompute of the index over synthetic claims.",
      "Prints the engine's timings beside a baseline in the same process: the same coding rules"
          + " applied claim by claim to the plain records. Pin to one core with taskset -c 0."
    })
final class BenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--claims",
      defaultValue = "1000000",
      description = "Synthetic claims (default ${DEFAULT-VALUE}).")
  int claims;

  @Option(
      names = "--runs",
      defaultValue = "5",
      description = "Measured runs after warm-up (default ${DEFAULT-VALUE}).")
  int runs;

  @Option(names = "--seed", defaultValue = "42", description = "Generator seed.")
  long seed;

  @Override
  public Integer call() {
    if (claims < 1 || claims > 20_000_000) {
      throw new IllegalArgumentException("--claims: must be between 1 and 20000000, got " + claims);
    }
    if (runs < 1 || runs > 100) {
      throw new IllegalArgumentException("--runs: must be between 1 and 100, got " + runs);
    }
    PrintWriter out = spec.commandLine().getOut();
    long t0 = System.nanoTime();
    KnowledgeBase kb = SyntheticKnowledgeBase.generate(claims, seed);
    out.printf(
        "generated %,d claims, %,d evidence, %,d flags in %.0f ms (available processors: %d)%n",
        kb.claims().size(),
        kb.evidence().size(),
        kb.flags().size(),
        ms(System.nanoTime() - t0),
        Runtime.getRuntime().availableProcessors());
    IndexQuery query = IndexQuery.living(LocalDate.of(2026, 1, 1));

    double[] compile = new double[runs];
    double[] compute = new double[runs];
    double[] baseline = new double[runs];
    int counted = -1;
    int baselineCounted = -1;
    for (int r = -2; r < runs; r++) {
      long a = System.nanoTime();
      IndexEngine engine = new IndexEngine(kb);
      long b = System.nanoTime();
      IndexResult result = engine.compute(query);
      long c = System.nanoTime();
      baselineCounted = baseline(kb, query.asOf());
      long d = System.nanoTime();
      counted = result.figure("countries.any").orElseThrow().claims().size();
      if (r >= 0) {
        compile[r] = ms(b - a);
        compute[r] = ms(c - b);
        baseline[r] = ms(d - c);
      }
    }
    out.printf(
        "%-44s %10s %10s%n", "measure (" + runs + " runs after 2 warm-up)", "median ms", "best ms");
    row(out, "engine: compile snapshot to arrays", compile);
    row(out, "engine: compute all figures", compute);
    double[] total = new double[runs];
    for (int r = 0; r < runs; r++) {
      total[r] = compile[r] + compute[r];
    }
    row(out, "engine: full recompute (compile + compute)", total);
    row(out, "baseline: rules applied to plain records", baseline);
    out.printf(
        "counting use/supply claims: engine %,d, baseline %,d (%s)%n",
        counted, baselineCounted, counted == baselineCounted ? "agree" : "DISAGREE");
    out.printf(
        "full recompute: %.0f ms for %,d claims; bar 2000 ms on one core; %.1fx the baseline%n",
        median(total), claims, median(baseline) / median(total));
    profileLatency(out, new IndexEngine(kb), query);
    out.flush();
    return counted == baselineCounted ? 0 : Main.EXIT_FAILURE;
  }

  /** Latency of single country and company profiles, the query a page or API call makes. */
  private void profileLatency(PrintWriter out, IndexEngine engine, IndexQuery query) {
    Profiles profiles = new Profiles(engine);
    List<String> countries = List.copyOf(engine.knowledgeBase().countries().keySet());
    List<String> companies = List.copyOf(engine.knowledgeBase().companies().keySet());
    int queries = 2000;
    double[] countryMs = new double[queries];
    double[] companyMs = new double[queries];
    java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
    for (int i = -200; i < queries; i++) {
      String country = countries.get(random.nextInt(countries.size()));
      String company = companies.get(random.nextInt(companies.size()));
      long a = System.nanoTime();
      profiles.country(country, query);
      long b = System.nanoTime();
      profiles.company(company, query);
      long c = System.nanoTime();
      if (i >= 0) {
        countryMs[i] = ms(b - a);
        companyMs[i] = ms(c - b);
      }
    }
    out.printf(
        "country profile: p50 %.2f ms, p99 %.2f ms (%,d claims per country on average);"
            + " company profile: p50 %.2f ms, p99 %.2f ms; bar 5 ms p99%n",
        percentile(countryMs, 0.5),
        percentile(countryMs, 0.99),
        engine.knowledgeBase().claims().size() / countries.size(),
        percentile(companyMs, 0.5),
        percentile(companyMs, 0.99));
  }

  private static double percentile(double[] values, double p) {
    double[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
  }

  /** The straightforward way: group evidence by claim, then ask the coding rules per claim. */
  private static int baseline(KnowledgeBase kb, LocalDate asOf) {
    Map<String, List<Evidence>> evidence = new HashMap<>();
    for (Evidence e : kb.evidence()) {
      evidence.computeIfAbsent(e.claimId(), k -> new ArrayList<>()).add(e);
    }
    Map<String, List<CuratorFlag>> flags = new HashMap<>();
    for (CuratorFlag f : kb.flags()) {
      flags.computeIfAbsent(f.claimId(), k -> new ArrayList<>()).add(f);
    }
    int counted = 0;
    for (Claim claim : kb.claims().values()) {
      ClaimStatus status =
          CodingRules.status(
              evidence.getOrDefault(claim.id(), List.of()),
              kb.sources(),
              flags.getOrDefault(claim.id(), List.of()),
              asOf);
      if (CodingRules.counts(claim, status, asOf) && CodingRules.showsUse(claim)) {
        counted++;
      }
    }
    return counted;
  }

  private static void row(PrintWriter out, String label, double[] values) {
    double best = Double.MAX_VALUE;
    for (double v : values) {
      best = Math.min(best, v);
    }
    out.printf("%-44s %10.1f %10.1f%n", label, median(values), best);
  }

  private static double median(double[] values) {
    return percentile(values, 0.5);
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }
}
