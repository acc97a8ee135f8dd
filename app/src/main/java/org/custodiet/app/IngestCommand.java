package org.custodiet.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.custodiet.core.extract.Extractor;
import org.custodiet.core.extract.Gazetteer;
import org.custodiet.core.extract.RuleBasedExtractor;
import org.custodiet.ingest.IngestPipeline;
import org.custodiet.ingest.IngestReport;
import org.custodiet.ingest.Limits;
import org.custodiet.ingest.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = {
      "Read documents (plain text, HTML, RSS/Atom, WARC, JSON Lines; directories are walked),"
          + " store each once, group syndicated copies, and queue the claims the extractor reads in"
          + " them for review (docs/ingest.md).",
      "A document that cannot be read is reported with the reason and the run goes on. Exit code"
          + " 0 when every document was read, 1 when some failed."
    })
final class IngestCommand implements Callable<Integer> {
  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or directories.")
  List<Path> paths;

  @Option(
      names = "--progress",
      description = "Show a progress bar on standard error even when it is not a terminal.")
  boolean progress;

  @Option(
      names = "--max-document-mb",
      paramLabel = "MB",
      defaultValue = "4",
      description =
          "Refuse single documents (a file, a WARC record, a JSON line) larger than this"
              + " (default ${DEFAULT-VALUE}).")
  int maxDocumentMegabytes;

  @Option(
      names = "--similarity",
      defaultValue = "0.5",
      description =
          "Estimated share of shared four-word sequences from which a document joins an earlier"
              + " one's near-duplicate group, 0.1 to 1 (default ${DEFAULT-VALUE}).")
  double similarity;

  @Override
  public Integer call() {
    if (maxDocumentMegabytes < 1 || maxDocumentMegabytes > 1024) {
      throw usage("--max-document-mb: must be between 1 and 1024");
    }
    if (!(similarity >= 0.1 && similarity <= 1)) {
      throw usage("--similarity: must be between 0.1 and 1");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Limits limits =
        new Limits(
            (long) maxDocumentMegabytes << 20,
            Math.max(Limits.DEFAULT.maxFeedBytes(), (long) maxDocumentMegabytes << 20),
            Limits.DEFAULT.maxHtmlDepth());
    long started = System.nanoTime();
    IngestReport report;
    try (Workspace workspace = Workspace.open(main.store, err)) {
      Extractor extractor = new RuleBasedExtractor(Gazetteer.from(workspace.knowledgeBase()));
      ProgressBar bar = progress || System.console() != null ? new ProgressBar(err) : null;
      report =
          new IngestPipeline(workspace.database(), extractor, limits, similarity)
              .run(
                  paths,
                  failure -> {
                    if (bar != null) {
                      bar.clear();
                    }
                    err.println("custodiet ingest: " + failure);
                    err.flush();
                  },
                  bar == null ? Progress.NONE : bar);
      if (bar != null) {
        bar.finish();
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    out.printf(
        java.util.Locale.ROOT,
        "%s (%.1f MB in %.1f s)%n",
        report.summary(),
        report.bytes() / 1e6,
        seconds);
    out.flush();
    return report.failed() == 0 ? 0 : Main.EXIT_INVALID_DATA;
  }

  private picocli.CommandLine.ParameterException usage(String message) {
    return new picocli.CommandLine.ParameterException(spec.commandLine(), message);
  }
}
