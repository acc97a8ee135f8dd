package org.custodiet.app;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import org.custodiet.store.release.FrozenState;
import org.custodiet.store.release.Release;
import org.custodiet.store.release.ReleaseDiff;
import org.custodiet.store.release.ReleaseJson;
import org.custodiet.store.release.Releases;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "release",
    mixinStandardHelpOptions = true,
    description = {
      "Freeze, list and compare releases: named states of every claim and headline figure,"
          + " anchored in the decision log (docs/releases-and-feeds.md)."
    },
    subcommands = {
      ReleaseCommand.Create.class,
      ReleaseCommand.ListReleases.class,
      ReleaseCommand.Show.class,
      ReleaseCommand.Diff.class
    })
final class ReleaseCommand {
  @ParentCommand Main main;

  /** "cli:" and the operating-system user, the actor of decisions made from the command line. */
  static String cliActor() {
    String user = System.getProperty("user.name", "unknown");
    return "cli:" + (user.isBlank() ? "unknown" : user);
  }

  /** The --format option of the subcommands that print either a table or JSON. */
  static final class FormatOption {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(
        names = "--format",
        paramLabel = "FORMAT",
        defaultValue = "table",
        description = "table or json (default: ${DEFAULT-VALUE}).")
    String format;

    boolean json() {
      return switch (format) {
        case "table" -> false;
        case "json" -> true;
        default ->
            throw new CommandLine.ParameterException(
                spec.commandLine(), "--format: unknown format '" + format + "'; use table or json");
      };
    }
  }

  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = {
        "Freeze the current claims and figures as release NAME and log a RELEASE decision.",
        "NAME: 1 to 64 letters, digits, '.', '_' or '-'; unique; 'current' is reserved."
      })
  static final class Create implements Callable<Integer> {
    @ParentCommand ReleaseCommand parent;
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Option(names = "--note", paramLabel = "TEXT", description = "What this release is.")
    String note;

    @Option(
        names = "--as-of",
        paramLabel = "DATE",
        description = "Status and figures as of this date, YYYY-MM-DD (default: today, UTC).")
    String asOf;

    @Override
    public Integer call() {
      try {
        Releases.checkName(name);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
      }
      LocalDate date = date(spec, asOf);
      Release r =
          InWorkspace.run(
              parent.main,
              spec,
              workspace -> {
                Releases releases = new Releases(workspace.database());
                return releases.create(
                    name, note, date == null ? releases.today() : date, cliActor());
              });
      spec.commandLine()
          .getOut()
          .printf(
              "release %s: %d claims (%d established) as of %s; decision log at entry %d (%s)%n",
              r.name(),
              r.claimCount(),
              r.establishedCount(),
              r.asOf(),
              r.auditSeq(),
              r.auditHash().substring(0, 12));
      return 0;
    }
  }

  static LocalDate date(CommandSpec spec, String text) {
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--as-of: '" + text + "' is not a real date of the form YYYY-MM-DD");
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List releases, newest first.")
  static final class ListReleases implements Callable<Integer> {
    @ParentCommand ReleaseCommand parent;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      TextTable table =
          new TextTable(
                  "name", "as of", "claims", "established", "audit entry", "created by", "note")
              .alignRight(2, 3, 4);
      for (Release r : InWorkspace.run(parent.main, spec, w -> new Releases(w.database()).list())) {
        table.row(
            r.name(),
            r.asOf(),
            r.claimCount(),
            r.establishedCount(),
            r.auditSeq(),
            r.createdBy(),
            r.note());
      }
      table.print(spec.commandLine().getOut());
      return 0;
    }
  }

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "Show a release: when and by whom, its audit anchor and its figures.")
  static final class Show implements Callable<Integer> {
    @ParentCommand ReleaseCommand parent;
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Mixin FormatOption format;

    @Override
    public Integer call() {
      boolean json = format.json();
      Frozen frozen =
          InWorkspace.lookUp(
              parent.main,
              spec,
              workspace -> Frozen.read(new Releases(workspace.database()), name));
      Release r = frozen.release();
      FrozenState state = frozen.state();
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        out.println(Json.write(ReleaseJson.release(r, state)));
        return 0;
      }
      out.printf("release      %s%n", r.name());
      out.printf("note         %s%n", r.note() == null ? "" : r.note());
      out.printf("as of        %s (coding rules %s)%n", r.asOf(), r.rulesVersion());
      out.printf("created      %s by %s%n", r.createdAt(), r.createdBy());
      out.printf("audit head   entry %d, %s%n", r.auditSeq(), r.auditHash());
      out.printf("claims       %d (%d established)%n%n", r.claimCount(), r.establishedCount());
      TextTable table = new TextTable("figure", "value", "label").alignRight(1);
      state.figures().forEach(f -> table.row(f.id(), f.value(), f.label()));
      table.print(out);
      return 0;
    }

    private record Frozen(Release release, FrozenState state) {
      static Frozen read(Releases releases, String name) {
        return new Frozen(releases.get(name), releases.state(name));
      }
    }
  }

  @Command(
      name = "diff",
      mixinStandardHelpOptions = true,
      description = {
        "What changed from release A to release B: claims added, removed and changed (which"
            + " fields), and the movement of every headline figure.",
        "Either name may be 'current', the live state as of today."
      })
  static final class Diff implements Callable<Integer> {
    @ParentCommand ReleaseCommand parent;
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A")
    String from;

    @Parameters(index = "1", paramLabel = "B")
    String to;

    @Mixin FormatOption format;

    @Override
    public Integer call() {
      boolean json = format.json();
      boolean live = Releases.CURRENT.equals(from) || Releases.CURRENT.equals(to);
      ReleaseDiff diff =
          InWorkspace.lookUp(
              parent.main,
              spec,
              workspace ->
                  new Releases(workspace.database())
                      .diff(from, to, live ? workspace.engine() : null));
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        out.println(Json.write(ReleaseJson.diff(diff)));
        return 0;
      }
      out.printf(
          "%s -> %s: %d added, %d removed, %d changed claims; %d figures moved%n",
          diff.from(),
          diff.to(),
          diff.added().size(),
          diff.removed().size(),
          diff.changed().size(),
          diff.moved().size());
      if (!diff.added().isEmpty() || !diff.removed().isEmpty() || !diff.changed().isEmpty()) {
        out.println();
        TextTable claims = new TextTable("change", "claim", "status", "fields");
        diff.added().forEach(c -> claims.row("added", c.id(), c.status(), ""));
        diff.removed().forEach(c -> claims.row("removed", c.id(), c.status(), ""));
        diff.changed()
            .forEach(
                c ->
                    claims.row(
                        "changed",
                        c.id(),
                        c.statusChanged()
                            ? c.statusBefore() + " -> " + c.statusAfter()
                            : c.statusAfter(),
                        String.join(", ", c.fields())));
        claims.print(out);
      }
      out.println();
      TextTable figures = new TextTable("figure", "before", "after", "delta").alignRight(1, 2, 3);
      diff.figures()
          .forEach(
              f ->
                  figures.row(
                      f.id(),
                      f.before(),
                      f.after(),
                      f.delta() > 0 ? "+" + f.delta() : Integer.toString(f.delta())));
      figures.print(out);
      return 0;
    }
  }
}
