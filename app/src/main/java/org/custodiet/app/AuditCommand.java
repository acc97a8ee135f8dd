package org.custodiet.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.custodiet.core.audit.AuditChain;
import org.custodiet.core.audit.AuditEntry;
import org.custodiet.store.Database;
import org.custodiet.store.audit.AuditLog;
import org.custodiet.store.release.Releases;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = {
      "The decision log: every change to the data, by a person or a job, chained by hash"
          + " (docs/audit.md). These commands read the database as it is; they load nothing."
    },
    subcommands = {
      AuditCommand.Verify.class,
      AuditCommand.Log.class,
      AuditCommand.Head.class,
      AuditCommand.History.class
    })
final class AuditCommand implements Callable<Integer> {
  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "name a subcommand: verify, log, head or history");
  }

  Database open() {
    return Workspace.openDatabase(main.store);
  }

  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description = {
        "Recompute the whole chain. Exit 0 and 'intact: N entries, head SEQ HASH' when every"
            + " entry is numbered in order, links to the one before and matches its hash, and the"
            + " last is the recorded head, and every release's recorded head is still an entry of"
            + " the chain; exit 1 naming the first broken entry or release otherwise."
      })
  static final class Verify implements Callable<Integer> {
    @ParentCommand AuditCommand audit;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      AuditChain.Verification v;
      Releases.AnchorCheck anchors;
      try (Database db = audit.open()) {
        AuditLog log = new AuditLog(db);
        v = log.verify();
        anchors = v.intact() ? new Releases(db).anchorsMatch(log) : null;
      }
      if (!v.intact()) {
        out.printf("broken at entry %d: %s%n", v.brokenSeq(), v.problem());
        out.flush();
        return Main.EXIT_INVALID_DATA;
      }
      out.printf(
          "intact: %d entries, head %d %s%n",
          v.entries(), v.computedHead().seq(), v.computedHead().entryHash());
      // A release records the head it was made at: a log cut back below it, even with its head
      // row rewritten to match, no longer holds that entry.
      if (!anchors.ok()) {
        anchors.problems().forEach(p -> out.println("broken anchor: " + p));
        out.flush();
        return Main.EXIT_INVALID_DATA;
      }
      if (anchors.releases() > 0) {
        out.printf("anchors: all %d releases point into the chain%n", anchors.releases());
      }
      out.flush();
      return 0;
    }
  }

  @Command(
      name = "log",
      mixinStandardHelpOptions = true,
      description = "List entries oldest first, from after --after; page on with the last seq.")
  static final class Log implements Callable<Integer> {
    @ParentCommand AuditCommand audit;
    @Spec CommandSpec spec;

    @Option(
        names = "--after",
        paramLabel = "SEQ",
        defaultValue = "0",
        description = "Only entries after this one (default ${DEFAULT-VALUE}: from the first).")
    long after;

    @Option(
        names = "--limit",
        paramLabel = "N",
        defaultValue = "50",
        description = "At most this many, 1 to 10000 (default ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--format", defaultValue = "table", description = "table or json.")
    Format format;

    @Override
    public Integer call() {
      if (after < 0) {
        throw usage(spec, "--after: must be 0 or more, got " + after);
      }
      if (limit < 1 || limit > 10_000) {
        throw usage(spec, "--limit: must be between 1 and 10000, got " + limit);
      }
      List<AuditEntry> entries;
      try (Database db = audit.open()) {
        entries = new AuditLog(db).entries(after, limit);
      }
      print(spec, format, entries);
      return 0;
    }
  }

  @Command(
      name = "head",
      mixinStandardHelpOptions = true,
      description =
          "Print the recorded head: the last entry's number and hash (0 and zeros when empty).")
  static final class Head implements Callable<Integer> {
    @ParentCommand AuditCommand audit;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      AuditChain.Head head;
      try (Database db = audit.open()) {
        head = new AuditLog(db).head();
      }
      spec.commandLine().getOut().printf("%d %s%n", head.seq(), head.entryHash());
      spec.commandLine().getOut().flush();
      return 0;
    }
  }

  @Command(
      name = "history",
      mixinStandardHelpOptions = true,
      description = "Every entry about one subject, oldest first, e.g. history claim KEN-huawei-1.")
  static final class History implements Callable<Integer> {
    @ParentCommand AuditCommand audit;
    @Spec CommandSpec spec;

    @Parameters(
        index = "0",
        paramLabel = "TYPE",
        description = "claim, candidate, import_batch, user, ...")
    String type;

    @Parameters(index = "1", paramLabel = "ID", description = "The subject's id.")
    String id;

    @Option(names = "--format", defaultValue = "table", description = "table or json.")
    Format format;

    @Override
    public Integer call() {
      List<AuditEntry> entries;
      try (Database db = audit.open()) {
        entries = new AuditLog(db).history(type, id);
      }
      if (entries.isEmpty()) {
        throw new NotFoundException("no decision-log entries about " + type + " '" + id + "'");
      }
      print(spec, format, entries);
      return 0;
    }
  }

  private static final ObjectMapper DETAIL = new ObjectMapper();
  private static final int REASON_COLUMN = 60;

  static void print(CommandSpec spec, Format format, List<AuditEntry> entries) {
    PrintWriter out = spec.commandLine().getOut();
    switch (format) {
      case json -> {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("entries", entries.stream().map(AuditCommand::json).toList());
        page.put("last_seq", entries.isEmpty() ? null : entries.get(entries.size() - 1).seq());
        out.println(Json.write(page));
      }
      case table -> {
        TextTable table =
            new TextTable("seq", "recorded_at", "actor", "action", "subject", "reason")
                .alignRight(0);
        for (AuditEntry e : entries) {
          table.row(
              e.seq(),
              e.recordedAt(),
              e.actor(),
              e.action(),
              e.subjectType() + " " + e.subjectId(),
              e.reason() == null ? "" : oneLine(e.reason()));
        }
        table.print(out);
      }
      case csv -> throw usage(spec, "--format: use table or json");
    }
    out.flush();
  }

  private static String oneLine(String text) {
    String flat = text.replaceAll("\\s+", " ").strip();
    return flat.length() <= REASON_COLUMN ? flat : flat.substring(0, REASON_COLUMN - 1) + "…";
  }

  private static Map<String, Object> json(AuditEntry e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("seq", e.seq());
    m.put("recorded_at", e.recordedAt());
    m.put("actor", e.actor());
    m.put("action", e.action());
    m.put("subject_type", e.subjectType());
    m.put("subject_id", e.subjectId());
    m.put("reason", e.reason());
    try {
      m.put("detail", DETAIL.readTree(e.detail()));
    } catch (JsonProcessingException ex) {
      // A tampered row may hold anything; show it as text rather than refuse to list it.
      m.put("detail", e.detail());
    }
    m.put("previous_hash", e.previousHash());
    m.put("entry_hash", e.entryHash());
    return m;
  }

  private static CommandLine.ParameterException usage(CommandSpec spec, String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }
}
