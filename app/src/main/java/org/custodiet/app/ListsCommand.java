package org.custodiet.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.custodiet.store.screening.BuiltInLists;
import org.custodiet.store.screening.ImportOutcome;
import org.custodiet.store.screening.ImportRequest;
import org.custodiet.store.screening.ListChange;
import org.custodiet.store.screening.ListFormat;
import org.custodiet.store.screening.ListVersion;
import org.custodiet.store.screening.ScreeningList;
import org.custodiet.store.screening.ScreeningLists;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "lists",
    mixinStandardHelpOptions = true,
    description = "Screening lists: import a published list, show the lists and their changes.",
    subcommands = {ListsCommand.Import.class, ListsCommand.Show.class, ListsCommand.Changes.class})
final class ListsCommand {
  @ParentCommand Main main;

  /** Who a command-line change is recorded as in the decision log. */
  static String actor() {
    return "user:" + System.getProperty("user.name", "unknown");
  }

  static Workspace open(ListsCommand lists, CommandSpec spec) {
    Workspace workspace = Workspace.open(lists.main.store, spec.commandLine().getErr());
    new BuiltInLists(new ScreeningLists(workspace.database())).refresh("job:screening-lists");
    return workspace;
  }

  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description = {
        "Import one version of a screening list (docs/screening.md). The file is checked whole"
            + " first and imported in one transaction: all of it lands, or none.",
        "A newer version records what it added, removed and changed; the same version again"
            + " changes nothing; an older version is refused."
      })
  static final class Import implements Callable<Integer> {
    @ParentCommand ListsCommand lists;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The list file.")
    Path file;

    @Option(
        names = "--format",
        required = true,
        description =
            "csl-csv, csl-json (the US Consolidated Screening List) or ftm"
                + " (FollowTheMoney JSON Lines, as OpenSanctions publishes them).")
    String format;

    @Option(
        names = "--list",
        required = true,
        paramLabel = "ID",
        description = "List id, e.g. us-csl.")
    String listId;

    @Option(
        names = "--version",
        required = true,
        paramLabel = "DATE",
        description = "The date the publisher released this version (YYYY-MM-DD).")
    String version;

    @Option(names = "--name", description = "A readable name for the list.")
    String name;

    @Option(names = "--source", paramLabel = "URL", description = "Where the list is published.")
    String source;

    @Option(names = "--licence", paramLabel = "L", description = "The list's licence.")
    String licence;

    @Option(names = "--attribution", description = "How the publisher asks to be credited.")
    String attribution;

    @Override
    public Integer call() {
      ListFormat listFormat;
      try {
        listFormat = ListFormat.ofCode(format);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--format: " + e.getMessage());
      }
      if (listFormat == ListFormat.BUILT_IN) {
        throw new IllegalArgumentException("--format: built-in lists are not imported from files");
      }
      LocalDate date;
      try {
        date = LocalDate.parse(version);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("--version: '" + version + "' is not a date YYYY-MM-DD");
      }
      ImportRequest request;
      try {
        request =
            new ImportRequest(
                listId, name, listFormat, date, source, licence, attribution, actor());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--list: " + e.getMessage());
      }
      PrintWriter out = spec.commandLine().getOut();
      try (Workspace workspace = Workspace.open(lists.main.store, spec.commandLine().getErr())) {
        ImportOutcome outcome = new ScreeningLists(workspace.database()).importFile(file, request);
        out.println(outcome.message());
      }
      out.flush();
      return 0;
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "The screening lists with their newest version, source and licence.")
  static final class Show implements Callable<Integer> {
    @ParentCommand ListsCommand lists;
    @Spec CommandSpec spec;

    @Option(names = "--format", defaultValue = "table", description = "table or json.")
    Format format;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (Workspace workspace = open(lists, spec)) {
        List<ScreeningList> all = new ScreeningLists(workspace.database()).lists();
        if (format == Format.json) {
          out.println(Json.write(all.stream().map(ListsCommand::json).toList()));
        } else {
          TextTable t = new TextTable("list", "version", "entries", "format", "licence", "source");
          t.alignRight(2);
          for (ScreeningList l : all) {
            ListVersion v = l.latest();
            t.row(
                l.id(),
                v == null ? "" : v.versionDate(),
                v == null ? 0 : v.entryCount(),
                l.format().code(),
                l.licence(),
                l.sourceUrl());
          }
          t.print(out);
        }
      }
      out.flush();
      return 0;
    }
  }

  static Map<String, Object> json(ScreeningList l) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", l.id());
    m.put("name", l.name());
    m.put("format", l.format().code());
    m.put("source", l.sourceUrl());
    m.put("licence", l.licence());
    m.put("attribution", l.attribution());
    ListVersion v = l.latest();
    m.put("version", v == null ? null : v.versionDate().toString());
    m.put("entries", v == null ? 0 : v.entryCount());
    m.put("sha256", v == null ? null : v.sha256());
    m.put("imported_at", v == null ? null : v.importedAt().toString());
    return m;
  }

  @Command(
      name = "changes",
      mixinStandardHelpOptions = true,
      description = "What each version of a list added, removed and changed.")
  static final class Changes implements Callable<Integer> {
    @ParentCommand ListsCommand lists;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "The list id.")
    String listId;

    @Option(names = "--format", defaultValue = "table", description = "table or json.")
    Format format;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (Workspace workspace = open(lists, spec)) {
        ScreeningLists screeningLists = new ScreeningLists(workspace.database());
        if (screeningLists.list(listId).isEmpty()) {
          throw new NotFoundException("no screening list '" + listId + "'");
        }
        List<ListVersion> versions = screeningLists.versions(listId);
        List<ListChange> changes = screeningLists.changes(listId);
        if (format == Format.json) {
          out.println(
              Json.write(
                  versions.stream()
                      .map(
                          v -> {
                            Map<String, Object> m = new LinkedHashMap<>();
                            m.put("version", v.versionDate().toString());
                            m.put("imported_at", v.importedAt().toString());
                            m.put("entries", v.entryCount());
                            for (ListChange.Kind kind : ListChange.Kind.values()) {
                              m.put(
                                  kind.code(),
                                  changes.stream()
                                      .filter(c -> c.kind() == kind && c.versionId() == v.id())
                                      .map(c -> Map.of("id", c.entryId(), "name", c.name()))
                                      .toList());
                            }
                            return m;
                          })
                      .toList()));
        } else {
          for (ListVersion v : versions) {
            out.printf(
                "%s  %d entries: %d added, %d removed, %d changed (imported %s by %s)%n",
                v.versionDate(),
                v.entryCount(),
                v.added(),
                v.removed(),
                v.changed(),
                v.importedAt(),
                v.actor());
          }
          if (!changes.isEmpty()) {
            out.println();
            TextTable t = new TextTable("version", "change", "entry", "name");
            changes.forEach(c -> t.row(c.versionDate(), c.kind().code(), c.entryId(), c.name()));
            t.print(out);
          }
        }
      }
      out.flush();
      return 0;
    }
  }
}
