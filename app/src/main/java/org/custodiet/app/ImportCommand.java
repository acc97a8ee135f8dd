package org.custodiet.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.custodiet.store.ClaimImporter;
import org.custodiet.store.Database;
import org.custodiet.store.ImportResult;
import org.custodiet.store.backup.Backup;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Import claims with their sources and evidence from a CSV or JSON file (docs/import-format.md).",
      "The file is validated first and imported in one transaction: all of it lands, or none.",
      "--all FILE restores a full backup (export --all) into an empty database (docs/backup.md)."
    })
final class ImportCommand implements Callable<Integer> {
  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "FILE",
      description = "A .csv or .json file; with --all, a backup archive.")
  Path file;

  @Option(
      names = "--format",
      description = "csv or json (default: from the file name's extension).")
  String format;

  @Option(
      names = "--max-size",
      paramLabel = "MB",
      defaultValue = "50",
      description = "Refuse files larger than this many megabytes (default ${DEFAULT-VALUE}).")
  long maxMegabytes;

  @Option(
      names = "--all",
      description =
          "FILE is a full backup: check all of it, then restore it in one transaction into this"
              + " database, which must be empty. Ids and the decision log's head are kept."
              + " --max-size then caps the archive's unpacked size (default: 8192 MB).")
  boolean all;

  @Override
  public Integer call() {
    if (maxMegabytes < 1 || maxMegabytes > 4096) {
      throw new IllegalArgumentException("--max-size: must be between 1 and 4096 MB");
    }
    PrintWriter out = spec.commandLine().getOut();
    if (all) {
      return importAll(out);
    }
    try (Workspace workspace = Workspace.open(main.store, spec.commandLine().getErr())) {
      ClaimImporter importer = new ClaimImporter(workspace.database(), maxMegabytes * 1024 * 1024);
      ImportResult r =
          format == null
              ? importer.importFile(file)
              : importer.importFile(file, parseFormat(format));
      out.printf(
          "imported %s: %d rows; %d new sources, %d new claims, %d claims corroborated,"
              + " %d new evidence (%d already recorded); batch %d, sha256 %s%n",
          r.file(),
          r.rows(),
          r.sourcesAdded(),
          r.claimsAdded(),
          r.claimsCorroborated(),
          r.evidenceAdded(),
          r.evidenceUnchanged(),
          r.batchId(),
          r.sha256());
    }
    out.flush();
    return 0;
  }

  private int importAll(PrintWriter out) {
    if (format != null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--format: a backup archive has one format; leave --format out");
    }
    Backup.Limits limits = Backup.Limits.DEFAULT;
    if (spec.commandLine().getParseResult().hasMatchedOption("--max-size")) {
      long bytes = maxMegabytes * 1024 * 1024;
      limits = new Backup.Limits(bytes, bytes, limits.maxLineBytes());
    }
    try (Database db = Workspace.openDatabase(main.store)) {
      Backup.Summary s = new Backup(db).restore(file, limits);
      out.printf(
          "restored %s: %d rows into %d tables (written %s at schema %s); decision-log head %d"
              + " %s%n",
          file,
          s.rows().values().stream().mapToLong(Long::longValue).sum(),
          s.rows().size(),
          s.createdAt(),
          s.schemaVersion(),
          s.auditHead().seq(),
          s.auditHead().entryHash());
    }
    out.flush();
    return 0;
  }

  static ClaimImporter.Format parseFormat(String format) {
    try {
      return ClaimImporter.Format.valueOf(format.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--format: '" + format + "' is not csv or json");
    }
  }
}
