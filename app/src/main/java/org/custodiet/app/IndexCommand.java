package org.custodiet.app;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.custodiet.core.index.ClaimView;
import org.custodiet.core.index.Figure;
import org.custodiet.core.index.Inconsistency;
import org.custodiet.core.index.IndexComparison;
import org.custodiet.core.index.IndexEngine;
import org.custodiet.core.index.IndexQuery;
import org.custodiet.core.index.IndexResult;
import org.custodiet.core.index.Profiles;
import org.custodiet.core.model.KnowledgeBase;
import org.custodiet.core.model.PublishedFigure;
import org.custodiet.core.model.Source;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    description = {
      "Print the headline figures of the index as of a date.",
      "Without --source: the living index over all established claims, and how it differs from"
          + " the AIGS 2022 release. With --source ID: what that source alone says."
    })
final class IndexCommand implements Callable<Integer> {
  static final String RELEASE = "aigs-2022";

  @picocli.CommandLine.ParentCommand Main main;
  @Mixin IndexOptions index;
  @Spec CommandSpec spec;

  @Option(
      names = "--format",
      defaultValue = "table",
      description = "table, json or csv (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(
      names = "--compare",
      paramLabel = "RELEASE",
      description =
          "Show a published release's figures beside the computed ones; the bundled release is"
              + " 2019 (Carnegie, The Global Expansion of AI Surveillance).")
  String compare;

  @Option(
      names = "--figure",
      paramLabel = "ID",
      description = "Explain one figure: every country it counts, the claims and their sources.")
  String figure;

  private Profiles profiles;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try (Workspace workspace = Workspace.open(main.store, spec.commandLine().getErr())) {
      IndexEngine engine = workspace.engine();
      profiles = new Profiles(engine);
      IndexQuery query = index.query();
      IndexResult result = engine.compute(query);
      if (figure != null) {
        explain(out, workspace.knowledgeBase(), result);
      } else if (compare != null) {
        new PublishedComparison(workspace.knowledgeBase(), engine, query.asOf())
            .print(out, compare, format);
      } else {
        List<IndexComparison.FigureChange> changes =
            query.isLiving() && workspace.knowledgeBase().sources().containsKey(RELEASE)
                ? IndexComparison.compare(
                    engine.compute(IndexQuery.singleSource(query.asOf(), RELEASE)), result)
                : List.of();
        switch (format) {
          case json -> out.println(Json.write(json(result, changes, workspace.knowledgeBase())));
          case csv -> csv(out, result);
          case table -> table(out, result, changes, workspace.knowledgeBase());
        }
      }
    }
    out.flush();
    return 0;
  }

  static String describe(IndexResult result) {
    IndexQuery q = result.query();
    return q.isLiving()
        ? "the living index (every established claim)"
        : "source " + q.sourceId() + " alone";
  }

  private void table(
      PrintWriter out,
      IndexResult result,
      List<IndexComparison.FigureChange> changes,
      KnowledgeBase kb) {
    out.printf(
        "AI surveillance figures as of %s: %s; coding rules %s%n%n",
        result.asOf(), describe(result), result.rulesVersion());
    TextTable table = new TextTable("figure", "value", "of", "share", "label").alignRight(1, 2, 3);
    for (Figure f : result.figures()) {
      table.row(
          f.id(), f.value(), f.denominator() == null ? "" : f.denominator(), share(f), f.label());
    }
    table.print(out);
    if (!result.inconsistencies().isEmpty()) {
      out.printf("%nInconsistencies in the data (%d):%n", result.inconsistencies().size());
      for (Inconsistency i : result.inconsistencies()) {
        out.printf("  %s: %s%n", i.countryIso3(), i.message());
      }
    }
    if (result.query().isLiving()) {
      printChanges(out, changes, kb, result.query());
    }
    out.println();
    out.println(
        "Each figure lists its countries and claims: custodiet index --figure ID"
            + " (add --format json for all of them).");
  }

  private void printChanges(
      PrintWriter out,
      List<IndexComparison.FigureChange> changes,
      KnowledgeBase kb,
      IndexQuery living) {
    out.println();
    if (changes.isEmpty()) {
      out.println("The living index equals the AIGS 2022 release on every figure.");
      return;
    }
    out.println(
        "How the living index differs from the AIGS 2022 release (and why): claims from sources"
            + " other than the release that are established now:");
    for (IndexComparison.FigureChange c : changes) {
      if (c.id().startsWith("countries.company.") && c.baseValue() == 0 && c.otherValue() <= 1) {
        continue;
      }
      out.printf(
          "  %s: %d -> %d (%+d)%s%s%n",
          c.id(),
          c.baseValue(),
          c.otherValue(),
          c.delta(),
          c.countriesAdded().isEmpty() ? "" : "; added " + String.join(", ", c.countriesAdded()),
          c.countriesRemoved().isEmpty()
              ? ""
              : "; removed " + String.join(", ", c.countriesRemoved()));
      if (c.id().equals("countries.any")) {
        for (String claim : c.claimsAdded()) {
          if (c.countriesAdded().contains(kb.claims().get(claim).countryIso3())) {
            out.printf("      %s  <- %s%n", claim, String.join("; ", sourcesOf(claim, living)));
          }
        }
        Map<String, Integer> bySource = new java.util.TreeMap<>();
        for (String claim : c.claimsAdded()) {
          for (ClaimView.SourcedEvidence e : profiles.claim(claim, living).evidence()) {
            Source source = e.source();
            if (!source.id().equals(RELEASE)) {
              bySource.merge(
                  source.type() == Source.SourceType.DATASET ? source.id() : "news and documents",
                  1,
                  Integer::sum);
            }
          }
        }
        out.printf(
            "      %d claims count in the living index but not in the release; their evidence: %s%n",
            c.claimsAdded().size(), bySource);
      }
    }
    out.println("  (companies newly counted in one country are left out above; see --format json)");
  }

  /** Publisher and address of each source the query admits for the claim. */
  private Set<String> sourcesOf(String claimId, IndexQuery query) {
    Set<String> sources = new LinkedHashSet<>();
    for (ClaimView.SourcedEvidence e : profiles.claim(claimId, query).evidence()) {
      Source s = e.source();
      sources.add(s.publisher() + (s.url() != null ? " " + s.url() : ""));
    }
    return sources;
  }

  static String share(Figure f) {
    if (f.denominator() == null || f.denominator() == 0) {
      return "";
    }
    return String.format("%.0f%%", 100.0 * f.value() / f.denominator());
  }

  private static Map<String, Object> json(
      IndexResult result, List<IndexComparison.FigureChange> changes, KnowledgeBase kb) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("as_of", result.asOf().toString());
    root.put("source", result.query().sourceId());
    root.put("rules_version", result.rulesVersion());
    List<Object> figures = new ArrayList<>();
    for (Figure f : result.figures()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", f.id());
      m.put("label", f.label());
      m.put("value", f.value());
      m.put("denominator", f.denominator());
      m.put("countries", f.countries());
      m.put("claims", f.claims());
      figures.add(m);
    }
    root.put("figures", figures);
    List<Object> inconsistencies = new ArrayList<>();
    for (Inconsistency i : result.inconsistencies()) {
      inconsistencies.add(
          Map.of(
              "country", i.countryIso3(),
              "source", i.sourceId(),
              "claim", i.claimId(),
              "message", i.message()));
    }
    root.put("inconsistencies", inconsistencies);
    if (result.query().isLiving()) {
      List<Object> diff = new ArrayList<>();
      for (IndexComparison.FigureChange c : changes) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put(RELEASE, c.baseValue());
        m.put("living", c.otherValue());
        m.put("countries_added", c.countriesAdded());
        m.put("countries_removed", c.countriesRemoved());
        m.put("claims_added", c.claimsAdded());
        diff.add(m);
      }
      root.put("differences_from_" + RELEASE.replace('-', '_'), diff);
    }
    return root;
  }

  private static void csv(PrintWriter out, IndexResult result) throws java.io.IOException {
    CSVPrinter printer =
        CSVFormat.RFC4180
            .builder()
            .setHeader(
                "id", "label", "value", "denominator", "as_of", "source", "countries", "claims")
            .get()
            .print(out);
    for (Figure f : result.figures()) {
      printer.printRecord(
          f.id(),
          f.label(),
          f.value(),
          f.denominator(),
          result.asOf(),
          result.query().sourceId() == null ? "living" : result.query().sourceId(),
          String.join(" ", f.countries()),
          String.join(" ", f.claims()));
    }
    printer.flush();
  }

  private void explain(PrintWriter out, KnowledgeBase kb, IndexResult result) {
    Figure f =
        result
            .figure(figure)
            .orElseThrow(
                () ->
                    new NotFoundException(
                        "no figure '"
                            + figure
                            + "' as of "
                            + result.asOf()
                            + " for "
                            + describe(result)));
    if (format == Format.json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", f.id());
      m.put("label", f.label());
      m.put("value", f.value());
      m.put("denominator", f.denominator());
      List<Object> claims = new ArrayList<>();
      for (String id : f.claims()) {
        claims.add(Map.of("claim", id, "sources", List.copyOf(sourcesOf(id, result.query()))));
      }
      m.put("claims", claims);
      out.println(Json.write(m));
      return;
    }
    out.printf(
        "%s = %d%s (%s as of %s)%n",
        f.id(),
        f.value(),
        f.denominator() == null ? "" : " of " + f.denominator(),
        describe(result),
        result.asOf());
    Map<String, List<String>> byCountry = new LinkedHashMap<>();
    for (String id : f.claims()) {
      byCountry.computeIfAbsent(kb.claims().get(id).countryIso3(), k -> new ArrayList<>()).add(id);
    }
    for (Map.Entry<String, List<String>> e : byCountry.entrySet()) {
      out.printf("%s %s%n", e.getKey(), kb.countries().get(e.getKey()).name());
      for (String id : e.getValue()) {
        out.printf("    %s  <- %s%n", id, String.join("; ", sourcesOf(id, result.query())));
      }
    }
  }

  /** The 2019 published figures beside what the bundled releases and the living index compute. */
  static final class PublishedComparison {
    private final KnowledgeBase kb;
    private final IndexEngine engine;
    private final java.time.LocalDate asOf;

    PublishedComparison(KnowledgeBase kb, IndexEngine engine, java.time.LocalDate asOf) {
      this.kb = kb;
      this.engine = engine;
      this.asOf = asOf;
    }

    void print(PrintWriter out, String release, Format format) {
      String wanted = release.startsWith("carnegie-") ? release : "carnegie-" + release;
      List<PublishedFigure> published =
          kb.publishedFigures().stream().filter(p -> p.release().equals(wanted)).toList();
      if (published.isEmpty()) {
        throw new NotFoundException(
            "no published figures for release '"
                + release
                + "'; bundled: "
                + kb.publishedFigures().stream().map(PublishedFigure::release).distinct().toList());
      }
      List<String> columns = new ArrayList<>();
      Map<String, IndexResult> computed = new LinkedHashMap<>();
      for (String source : List.of("aigs-v1", RELEASE)) {
        if (kb.sources().containsKey(source)) {
          computed.put(source, engine.compute(IndexQuery.singleSource(asOf, source)));
          columns.add(source);
        }
      }
      computed.put("living", engine.compute(IndexQuery.living(asOf)));
      columns.add("living");
      String caveat =
          "The bundled country-level data are the AIGS releases (the earlier 77-country version"
              + " and the 2022 update), not the 2019 report's 75-country table, so the"
              + " computed columns are not expected to equal the "
              + wanted
              + " figures; they show how the index moved since.";
      if (format == Format.json) {
        List<Object> rows = new ArrayList<>();
        for (PublishedFigure p : published) {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("figure", p.figureId());
          m.put("label", p.label());
          m.put("published", p.publishedValue());
          for (Map.Entry<String, IndexResult> e : computed.entrySet()) {
            m.put(e.getKey(), e.getValue().figure(p.figureId()).map(Figure::value).orElse(null));
          }
          m.put("sources", p.sourceUrls());
          rows.add(m);
        }
        out.println(
            Json.write(
                Map.of(
                    "release", wanted, "as_of", asOf.toString(), "note", caveat, "figures", rows)));
        return;
      }
      out.println(caveat);
      out.println();
      List<String> header = new ArrayList<>(List.of("figure", wanted));
      header.addAll(columns);
      TextTable table = new TextTable(header.toArray(String[]::new));
      for (PublishedFigure p : published) {
        if (p.value() == null && !computed.get("living").figure(p.figureId()).isPresent()) {
          continue;
        }
        List<Object> row = new ArrayList<>(List.of(p.figureId(), p.publishedValue()));
        for (IndexResult r : computed.values()) {
          row.add(r.figure(p.figureId()).map(f -> (Object) f.value()).orElse("-"));
        }
        table.row(row.toArray());
      }
      table.print(out);
    }
  }
}
