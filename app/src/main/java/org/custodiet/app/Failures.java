package org.custodiet.app;

import org.custodiet.store.ImportException;
import org.custodiet.store.StoreException;
import picocli.CommandLine;

/** Maps failures to a one-line message and an exit code; stack traces only with --debug. */
final class Failures implements CommandLine.IExecutionExceptionHandler {

  static int exitCode(Throwable e) {
    if (e instanceof CommandLine.ParameterException) {
      return Main.EXIT_USAGE;
    }
    if (e instanceof ImportException) {
      return Main.EXIT_INVALID_DATA;
    }
    if (e instanceof NotFoundException) {
      return Main.EXIT_NOT_FOUND;
    }
    if (e instanceof StoreException || e instanceof java.io.IOException) {
      return Main.EXIT_FAILURE;
    }
    if (e instanceof IllegalArgumentException) {
      return Main.EXIT_INVALID_DATA;
    }
    return Main.EXIT_FAILURE;
  }

  @Override
  public int handleExecutionException(
      Exception e, CommandLine cli, CommandLine.ParseResult parseResult) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    cli.getErr().println("custodiet " + cli.getCommandName() + ": " + message);
    if (System.getenv("CUSTODIET_DEBUG") != null) {
      e.printStackTrace(cli.getErr());
    }
    return exitCode(e);
  }
}
