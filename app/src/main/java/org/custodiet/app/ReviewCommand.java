package org.custodiet.app;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.custodiet.core.account.Principal;
import org.custodiet.core.account.Role;
import org.custodiet.store.Database;
import org.custodiet.store.account.Account;
import org.custodiet.store.account.AccountRepository;
import org.custodiet.store.curation.CurationException;
import org.custodiet.store.curation.CurationService;
import org.custodiet.store.curation.Decision;
import org.custodiet.store.curation.Edits;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "review",
    mixinStandardHelpOptions = true,
    description = {
      "Decide candidate claims (accept, reject, merge) and flag claims (dispute, retract) on behalf"
          + " of a curator account; each decision is one transaction with its decision-log entry."
    },
    subcommands = {
      ReviewCommand.Accept.class,
      ReviewCommand.Reject.class,
      ReviewCommand.Merge.class,
      ReviewCommand.Dispute.class,
      ReviewCommand.Retract.class
    })
final class ReviewCommand implements Callable<Integer> {
  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return Main.EXIT_USAGE;
  }

  /** Options every decision takes: who decides, and why. */
  static final class Who {
    @Option(
        names = "--as",
        required = true,
        paramLabel = "USERNAME",
        description = "The curator or admin account the decision is made as.")
    String username;

    @Option(
        names = "--reason",
        paramLabel = "TEXT",
        description = "Why (required to reject, dispute or retract).")
    String reason;
  }

  /** Runs one decision as the named account and prints what it did. */
  abstract static class Decide implements Callable<Integer> {
    @ParentCommand ReviewCommand review;
    @Spec CommandSpec spec;
    @CommandLine.Mixin Who who = new Who();

    abstract Decision decide(CurationService curation, Principal principal);

    @Override
    public Integer call() {
      return InWorkspace.run(
          review.main,
          spec,
          workspace -> {
            Database db = workspace.database();
            Principal principal = curator(db);
            Decision d;
            try {
              d = decide(new CurationService(db), principal);
            } catch (CurationException e) {
              switch (e.kind()) {
                case NOT_FOUND -> throw new NotFoundException(e.getMessage());
                case INVALID ->
                    throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
                default -> {
                  spec.commandLine().getErr().println("custodiet review: " + e.getMessage());
                  return Main.EXIT_INVALID_DATA;
                }
              }
            }
            print(spec.commandLine().getOut(), d);
            return 0;
          });
    }

    private Principal curator(Database db) {
      Account account =
          new AccountRepository(db)
              .find(who.username)
              .orElseThrow(() -> new NotFoundException("no user '" + who.username + "'"));
      if (account.disabled()) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--as: user '" + who.username + "' is disabled");
      }
      if (!account.role().permits(Role.CURATOR)) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--as: user '" + who.username + "' is not a curator or admin");
      }
      return account.principal();
    }

    private static void print(PrintWriter out, Decision d) {
      out.printf(
          "%s %s %s%s%s; decision log entry %d%n",
          d.action(),
          d.subjectType(),
          d.subjectId(),
          d.claims().isEmpty() ? "" : ": claims " + String.join(", ", d.claims()),
          d.createdClaims().isEmpty()
              ? ""
              : " (created " + String.join(", ", d.createdClaims()) + ")",
          d.auditSeq());
      if (!d.alsoDecided().isEmpty()) {
        out.println("also decided: candidates " + d.alsoDecided());
      }
      out.flush();
    }
  }

  @Command(
      name = "accept",
      mixinStandardHelpOptions = true,
      description = "Accept a candidate: create its claim or add its document as evidence.")
  static final class Accept extends Decide {
    @Parameters(index = "0", paramLabel = "ID", description = "The candidate's id.")
    long id;

    @Option(names = "--tier", paramLabel = "A|B|C", description = "The source's tier.")
    String tier;

    @Option(
        names = "--set",
        paramLabel = "FIELD=VALUE",
        description =
            "Change a field before accepting (supplier, country, technology, city, agency, stage,"
                + " observed_from, observed_to, lender, instrument, amount, currency, source_kind,"
                + " source_url, publisher, publisher_group, summary); repeatable.")
    Map<String, String> set = new LinkedHashMap<>();

    @Override
    Decision decide(CurationService curation, Principal principal) {
      Map<String, String> fields = new LinkedHashMap<>(set);
      if (tier != null) {
        fields.put("tier", tier);
      }
      return curation.accept(id, Edits.of(fields, Edits.ACCEPT_FIELDS), who.reason, principal);
    }
  }

  @Command(
      name = "reject",
      mixinStandardHelpOptions = true,
      description = "Reject a candidate; its span is not proposed again.")
  static final class Reject extends Decide {
    @Parameters(index = "0", paramLabel = "ID", description = "The candidate's id.")
    long id;

    @Override
    Decision decide(CurationService curation, Principal principal) {
      return curation.reject(id, who.reason, principal);
    }
  }

  @Command(
      name = "merge",
      mixinStandardHelpOptions = true,
      description = "Merge a candidate into another candidate or into a claim on record.")
  static final class Merge extends Decide {
    @Parameters(index = "0", paramLabel = "ID", description = "The candidate's id.")
    long id;

    @CommandLine.ArgGroup(multiplicity = "1")
    Target target;

    static final class Target {
      @Option(names = "--into-candidate", paramLabel = "ID", required = true)
      Long candidate;

      @Option(names = "--into-claim", paramLabel = "CLAIM_ID", required = true)
      String claim;
    }

    @Override
    Decision decide(CurationService curation, Principal principal) {
      return target.candidate != null
          ? curation.mergeIntoCandidate(id, target.candidate, who.reason, principal)
          : curation.mergeIntoClaim(id, target.claim, who.reason, principal);
    }
  }

  @Command(
      name = "dispute",
      mixinStandardHelpOptions = true,
      description = "Mark a claim disputed from today (a reason is required).")
  static final class Dispute extends Decide {
    @Parameters(index = "0", paramLabel = "CLAIM_ID", description = "The claim's id.")
    String claim;

    @Override
    Decision decide(CurationService curation, Principal principal) {
      return curation.dispute(claim, who.reason, principal);
    }
  }

  @Command(
      name = "retract",
      mixinStandardHelpOptions = true,
      description = "Mark a claim retracted from today (a reason is required).")
  static final class Retract extends Decide {
    @Parameters(index = "0", paramLabel = "CLAIM_ID", description = "The claim's id.")
    String claim;

    @Override
    Decision decide(CurationService curation, Principal principal) {
      return curation.retract(claim, who.reason, principal);
    }
  }
}
