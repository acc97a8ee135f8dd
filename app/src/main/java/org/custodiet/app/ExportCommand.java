package org.custodiet.app;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.custodiet.core.index.IndexQuery;
import org.custodiet.store.ClaimImporter;
import org.custodiet.store.Database;
import org.custodiet.store.Exporter;
import org.custodiet.store.backup.Backup;
import org.custodiet.store.export.ExportData;
import org.custodiet.store.export.ExportDataset;
import org.custodiet.store.export.ExportFormat;
import org.custodiet.store.export.Exports;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Export the data.",
      "--format import (the default) writes every claim with its evidence and sources in the"
          + " import format, so that an export imports again unchanged: JSON when the output file"
          + " ends in .json, CSV otherwise.",
      "--format csv, json, xlsx or ftm writes the data export as of a date (docs/exports.md):"
          + " claims, sources and figures with their licence and attribution, or FollowTheMoney"
          + " entities as JSON Lines.",
      "Writes to standard output unless --output is given; files are written whole or not at all."
    })
final class ExportCommand implements Callable<Integer> {
  static final String IMPORT = "import";

  @ParentCommand Main main;
  @Spec CommandSpec spec;
  @Mixin IndexOptions index;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = IMPORT,
      description = "import, csv, json, xlsx or ftm (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(
      names = "--dataset",
      paramLabel = "DATASET",
      description =
          "claims, sources, figures or all (default: claims). all: one JSON document or one"
              + " workbook; with csv, one file per dataset in the --output directory. Not for"
              + " import or ftm, which hold everything.")
  String dataset;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write to this file (or, for several CSV files, this directory).")
  Path output;

  @Option(
      names = "--release",
      paramLabel = "NAME",
      description =
          "Export release NAME as it was frozen, as of its own date, instead of the current data"
              + " (csv, json, xlsx or ftm).")
  String release;

  @Option(
      names = "--all",
      paramLabel = "FILE",
      description =
          "Write a full backup instead: one ZIP archive of every table (claims, sources, evidence,"
              + " documents, candidates, the decision log, users without their secrets)"
              + " that import --all restores into an empty database (docs/backup.md).")
  Path all;

  @Override
  public Integer call() throws Exception {
    if (all != null) {
      return exportAll();
    }
    if (format.equals(IMPORT) && release == null) {
      return exportImportFormat();
    }
    if (format.equals(IMPORT)) {
      throw usage("--release: give --format csv, json, xlsx or ftm for a release's export");
    }
    if (release != null && spec.commandLine().getParseResult().hasMatchedOption("--as-of")) {
      throw usage("--as-of: a release is exported as of its own date; leave --as-of out");
    }
    ExportFormat exportFormat = exportFormat();
    List<ExportDataset> datasets = datasets(exportFormat);
    IndexQuery query;
    try {
      query = index.query();
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
    if (exportFormat == ExportFormat.XLSX && output == null) {
      throw usage("--output: a workbook is binary; name the .xlsx file to write");
    }
    boolean severalFiles = exportFormat == ExportFormat.CSV && datasets.size() > 1;
    if (severalFiles && output == null) {
      throw usage(
          "--output: --dataset all with --format csv writes one file per dataset; name a"
              + " directory");
    }
    try (Workspace workspace = Workspace.open(main.store, spec.commandLine().getErr())) {
      org.custodiet.core.index.IndexEngine engine = workspace.engine();
      if (release != null) {
        ReleaseExport frozen = ReleaseExport.open(workspace.database(), release, query);
        engine = frozen.engine();
        query = frozen.query();
      }
      if (!query.isLiving() && !engine.knowledgeBase().sources().containsKey(query.sourceId())) {
        throw new NotFoundException("--source: unknown source '" + query.sourceId() + "'");
      }
      ExportData data = new ExportData(engine, query);
      if (severalFiles) {
        Files.createDirectories(output);
        for (ExportDataset d : datasets) {
          writeFile(
              output.resolve(exportFormat.fileName(d.code(), query.asOf(), query.sourceId())),
              data,
              exportFormat,
              List.of(d));
        }
      } else if (output != null) {
        Path file =
            Files.isDirectory(output)
                ? output.resolve(
                    exportFormat.fileName(
                        fileWhat(exportFormat, datasets), query.asOf(), query.sourceId()))
                : output;
        writeFile(file, data, exportFormat, datasets);
      } else {
        PrintWriter out = spec.commandLine().getOut();
        out.flush();
        OutputStream stdout = unclosable(System.out);
        Exports.write(data, exportFormat, datasets, stdout);
        stdout.flush();
      }
    }
    return 0;
  }

  private int exportImportFormat() throws IOException {
    for (String option : List.of("--dataset", "--as-of", "--source")) {
      if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
        throw usage(
            option
                + ": the import format holds every claim with all its evidence; use --format"
                + " csv, json, xlsx or ftm for an export as of a date");
      }
    }
    try (Workspace workspace = Workspace.open(main.store, spec.commandLine().getErr())) {
      Exporter exporter = new Exporter(workspace.database());
      if (output != null) {
        boolean json = output.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
        int claims =
            exporter.export(output, json ? ClaimImporter.Format.JSON : ClaimImporter.Format.CSV);
        spec.commandLine().getErr().printf("exported %d claims to %s%n", claims, output);
      } else {
        spec.commandLine().getOut().flush();
        OutputStream stdout = unclosable(System.out);
        exporter.writeCsv(stdout);
        stdout.flush();
      }
    }
    return 0;
  }

  private int exportAll() throws IOException {
    for (String option : List.of("--format", "--dataset", "--output", "--as-of", "--source")) {
      if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
        throw usage(option + ": a full backup (--all) holds everything; leave " + option + " out");
      }
    }
    String version = Main.class.getPackage().getImplementationVersion();
    try (Database db = Workspace.openDatabase(main.store)) {
      Backup.Summary s =
          new Backup(db)
              .export(all, "custodiet " + (version == null ? "development build" : version));
      spec.commandLine()
          .getErr()
          .printf(
              "backed up %d rows from %d tables (schema %s), decision-log head %d %s, to %s%n",
              s.rows().values().stream().mapToLong(Long::longValue).sum(),
              s.rows().size(),
              s.schemaVersion(),
              s.auditHead().seq(),
              s.auditHead().entryHash(),
              all);
    }
    return 0;
  }

  private ExportFormat exportFormat() {
    try {
      return ExportFormat.parse(format);
    } catch (IllegalArgumentException e) {
      throw usage("--format: unknown format '" + format + "'; use import, csv, json, xlsx or ftm");
    }
  }

  private List<ExportDataset> datasets(ExportFormat exportFormat) {
    if (exportFormat == ExportFormat.FTM) {
      if (dataset != null) {
        throw usage("--dataset: ftm holds every dataset at once; leave --dataset out");
      }
      return List.of();
    }
    if (dataset == null) {
      return List.of(ExportDataset.CLAIMS);
    }
    if (dataset.equals("all")) {
      return List.of(ExportDataset.values());
    }
    try {
      return List.of(ExportDataset.parse(dataset));
    } catch (IllegalArgumentException e) {
      throw usage("--dataset: " + e.getMessage());
    }
  }

  private static String fileWhat(ExportFormat format, List<ExportDataset> datasets) {
    if (format == ExportFormat.FTM) {
      return "ftm";
    }
    return datasets.size() == 1 ? datasets.get(0).code() : "all";
  }

  /** Writes next to the target and moves it into place, so that a failure leaves no part file. */
  private void writeFile(
      Path file, ExportData data, ExportFormat exportFormat, List<ExportDataset> datasets)
      throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Path tmp = Files.createTempFile(dir, ".export-", ".tmp");
    try {
      Map<String, Integer> written;
      try (OutputStream out = Files.newOutputStream(tmp)) {
        written = Exports.write(data, exportFormat, datasets, out);
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      spec.commandLine()
          .getErr()
          .printf("exported %s as of %s (%s) to %s%n", written, data.asOf(), data.scope(), file);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }

  /** Standard output that stays open when a writer closes its stream. */
  private static OutputStream unclosable(OutputStream out) {
    return new FilterOutputStream(out) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void close() throws IOException {
        flush();
      }
    };
  }
}
