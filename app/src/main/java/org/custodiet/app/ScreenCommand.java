package org.custodiet.app;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.custodiet.core.model.Iso3;
import org.custodiet.core.screening.Feature;
import org.custodiet.core.screening.Matcher;
import org.custodiet.core.screening.ScreeningQuery;
import org.custodiet.store.screening.BuiltInLists;
import org.custodiet.store.screening.ResultJson;
import org.custodiet.store.screening.Screening;
import org.custodiet.store.screening.ScreeningLists;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "screen",
    mixinStandardHelpOptions = true,
    description = {
      "Screen a counterparty's name against the screening lists (docs/screening.md): ranked hits,"
          + " each with the listed name it met and why.",
      "Remembered decisions apply: a hit dismissed as a false positive is shown apart and does not"
          + " count; a confirmed match is marked."
    })
final class ScreenCommand implements Callable<Integer> {
  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "NAME", description = "The name to screen, in any script.")
  String name;

  @Option(names = "--country", paramLabel = "ISO3", description = "The counterparty's country.")
  String country;

  @Option(
      names = "--schema",
      paramLabel = "S",
      description = "The counterparty's FollowTheMoney schema: Company, Organization, Person...")
  String schema;

  @Option(names = "--list", paramLabel = "ID", description = "Screen against this list only.")
  String list;

  @Option(
      names = "--limit",
      defaultValue = "10",
      description = "Most hits to show (1 to 100; default ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--format", defaultValue = "table", description = "table or json.")
  Format format;

  @Override
  public Integer call() {
    String problem = Screening.nameProblem(name);
    if (problem != null) {
      throw new IllegalArgumentException("NAME " + problem);
    }
    if (limit < 1 || limit > Screening.MAX_LIMIT) {
      throw new IllegalArgumentException("--limit: must be between 1 and " + Screening.MAX_LIMIT);
    }
    if (format == Format.csv) {
      throw new IllegalArgumentException("--format: use table or json");
    }
    String iso3 = null;
    if (country != null) {
      iso3 = country.strip().toUpperCase(Locale.ROOT);
      if (!Iso3.isWellFormed(iso3)) {
        throw new IllegalArgumentException("--country: '" + country + "' is not an ISO3 code");
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    try (Workspace workspace = Workspace.open(main.store, spec.commandLine().getErr())) {
      if (iso3 != null && !workspace.knowledgeBase().countries().containsKey(iso3)) {
        throw new NotFoundException("--country: no country '" + iso3 + "'");
      }
      new BuiltInLists(new ScreeningLists(workspace.database())).refresh("job:screening-lists");
      Screening screening = Screening.load(workspace.database());
      if (list != null && !screening.hasList(list)) {
        throw new NotFoundException("--list: no screening list '" + list + "'");
      }
      ScreeningQuery query =
          new ScreeningQuery(
              name,
              schema,
              iso3 == null ? Set.of() : Set.of(iso3),
              list == null ? Set.of() : Set.of(list));
      Screening.Result result = screening.screen(query, limit);
      if (format == Format.json) {
        out.println(Json.write(ResultJson.result(result)));
      } else {
        print(out, result, screening);
      }
    }
    out.flush();
    return 0;
  }

  private static void print(PrintWriter out, Screening.Result r, Screening screening) {
    out.printf(
        "Screening \"%s\" against %s (threshold %.2f)%n",
        r.query().name(), screening.versionsLine(), Matcher.DEFAULT_THRESHOLD);
    if (r.hits().isEmpty()) {
      out.println("No hits.");
    }
    int rank = 1;
    for (Screening.Hit h : r.hits()) {
      out.println();
      printHit(out, rank++ + ".", h);
    }
    if (!r.dismissed().isEmpty()) {
      out.println();
      out.println("Dismissed earlier as false positives (not counted as hits):");
      for (Screening.Hit h : r.dismissed()) {
        out.println();
        printHit(out, "-", h);
      }
    }
  }

  private static void printHit(PrintWriter out, String label, Screening.Hit h) {
    var e = h.entry();
    var x = h.match().explanation();
    out.printf(
        "%s %.3f  %s  [%s/%s, %s%s]%s%n",
        label,
        h.match().score(),
        e.name(),
        e.listId(),
        e.entryId(),
        e.schema(),
        e.countries().isEmpty() ? "" : ", " + String.join(" ", e.countries()),
        h.confirmed() ? "  CONFIRMED MATCH" : "");
    out.printf("   matched name: %s%n", x.matchedName());
    out.printf(
        "   agreed: %s; differing: %s%n",
        x.agreedTokens().isEmpty() ? "(none)" : String.join(" ", x.agreedTokens()),
        x.differingTokens().isEmpty() ? "(none)" : String.join(" ", x.differingTokens()));
    for (Feature f : x.features()) {
      out.printf(
          "   %+.3f %s%s%n",
          f.contribution(), f.name(), f.note().isEmpty() ? "" : " (" + f.note() + ")");
    }
    if (h.decision() != null) {
      out.printf(
          "   decision: %s by %s on %s: %s%n",
          h.decision().verdict().code().replace('_', ' '),
          h.decision().actor(),
          h.decision().decidedAt().toString().substring(0, 10),
          h.decision().reason());
    }
  }
}
