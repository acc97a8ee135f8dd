package org.custodiet.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.custodiet.store.ClaimImporter;
import org.custodiet.store.ImportResult;
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
      "The file is validated first and imported in one transaction: all of it lands, or none."
    })
final class ImportCommand implements Callable<Integer> {
  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "A .csv or .json file.")
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

  @Override
  public Integer call() {
    if (maxMegabytes < 1 || maxMegabytes > 4096) {
      throw new IllegalArgumentException("--max-size: must be between 1 and 4096 MB");
    }
    PrintWriter out = spec.commandLine().getOut();
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

  static ClaimImporter.Format parseFormat(String format) {
    try {
      return ClaimImporter.Format.valueOf(format.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--format: '" + format + "' is not csv or json");
    }
  }
}
