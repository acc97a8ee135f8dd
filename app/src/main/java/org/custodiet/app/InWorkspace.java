package org.custodiet.app;

import java.util.function.Function;
import org.custodiet.store.release.UnknownReleaseException;
import org.custodiet.store.webhook.UnknownWebhookException;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Runs a subcommand's action against the workspace the top-level options name, so that every
 * subcommand opens it, prints its first-start notices on standard error and closes it the same way,
 * and so that an unknown release or webhook ends as "not found" (exit 3) wherever it is asked for.
 */
final class InWorkspace {
  private InWorkspace() {}

  /** Opens the workspace, applies {@code action} to it and closes it, whatever the outcome. */
  static <T> T run(Main main, CommandSpec spec, Function<Workspace, T> action) {
    try (Workspace workspace = Workspace.open(main.store, spec.commandLine().getErr())) {
      return action.apply(workspace);
    }
  }

  /**
   * Like {@link #run}, for an action that looks up a release or webhook by the name or id the user
   * gave: an unknown one is not found.
   */
  static <T> T lookUp(Main main, CommandSpec spec, Function<Workspace, T> lookup) {
    return run(
        main,
        spec,
        workspace -> {
          try {
            return lookup.apply(workspace);
          } catch (UnknownReleaseException | UnknownWebhookException e) {
            throw new NotFoundException(e.getMessage());
          }
        });
  }
}
