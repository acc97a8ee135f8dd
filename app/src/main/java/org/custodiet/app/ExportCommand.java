package org.custodiet.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.custodiet.store.ClaimImporter;
import org.custodiet.store.Exporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Export every claim with its evidence and sources, in the import format, so that an export"
          + " imports again unchanged.",
      "Writes to standard output unless --output is given."
    })
final class ExportCommand implements Callable<Integer> {
  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Option(
      names = "--format",
      defaultValue = "csv",
      description = "csv or json (default ${DEFAULT-VALUE}).")
  String format;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write to this file.")
  Path output;

  @Override
  public Integer call() throws Exception {
    ClaimImporter.Format f = ImportCommand.parseFormat(format);
    try (Workspace workspace = Workspace.open(main.store, spec.commandLine().getErr())) {
      Exporter exporter = new Exporter(workspace.database());
      if (output != null) {
        int claims = exporter.export(output, f);
        spec.commandLine().getErr().printf("exported %d claims to %s%n", claims, output);
      } else {
        PrintWriter out = spec.commandLine().getOut();
        out.flush();
        java.io.OutputStream stdout =
            new java.io.FilterOutputStream(System.out) {
              @Override
              public void close() throws java.io.IOException {
                flush();
              }
            };
        if (f == ClaimImporter.Format.CSV) {
          exporter.writeCsv(stdout);
        } else {
          exporter.writeJson(stdout);
        }
        stdout.flush();
      }
    }
    return 0;
  }
}
