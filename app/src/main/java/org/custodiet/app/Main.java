package org.custodiet.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code custodiet} command line. */
@Command(
    name = "custodiet",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
      "A living, sourced index of AI surveillance technology: who supplies what to which"
          + " governments, and the evidence for every claim.",
      ""
    },
    subcommands = {
      ServeCommand.class,
      IndexCommand.class,
      CountryCommand.class,
      CompanyCommand.class,
      ClaimsCommand.class,
      ImportCommand.class,
      ExportCommand.class,
      BenchCommand.class,
      EvalExtractionCommand.class,
      IngestCommand.class,
      CandidatesCommand.class,
      ReviewCommand.class,
      BenchIngestCommand.class,
      UserCommand.class,
      ReleaseCommand.class,
      WebhookCommand.class,
      AuditCommand.class,
      EvalMatchingCommand.class,
      BenchMatchCommand.class,
      ListsCommand.class,
      ScreenCommand.class,
      CommandLine.HelpCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:invalid input data (the message names file, line and field)",
      "2:invalid command-line usage",
      "3:not found (unknown country, company or source)",
      "4:database or I/O failure"
    })
public final class Main {
  @picocli.CommandLine.Mixin StoreOptions store;

  public static final int EXIT_INVALID_DATA = 1;
  public static final int EXIT_USAGE = 2;
  public static final int EXIT_NOT_FOUND = 3;
  public static final int EXIT_FAILURE = 4;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line without exiting, for tests and embedding. */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler(new Failures());
    cli.setExitCodeExceptionMapper(Failures::exitCode);
    return cli;
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Main.class.getPackage().getImplementationVersion();
      return new String[] {
        "custodiet " + (version == null ? "(development build)" : version),
        "coding rules " + org.custodiet.core.rules.CodingRules.VERSION
      };
    }
  }
}
