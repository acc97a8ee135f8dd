package org.custodiet.app;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.custodiet.store.webhook.Webhook;
import org.custodiet.store.webhook.WebhookScope;
import org.custodiet.store.webhook.WebhookTargets;
import org.custodiet.store.webhook.Webhooks;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "webhook",
    mixinStandardHelpOptions = true,
    description = {
      "Manage webhooks: URLs that receive a signed POST when a claim becomes established"
          + " (docs/releases-and-feeds.md). `custodiet serve` sends them."
    },
    subcommands = {
      WebhookCommand.Add.class,
      WebhookCommand.ListWebhooks.class,
      WebhookCommand.Remove.class
    })
final class WebhookCommand {
  @ParentCommand Main main;

  /** At most one of the three narrows which claims are sent. */
  static final class Scope {
    @Option(
        names = "--country",
        paramLabel = "ISO3",
        description = "Only claims about this country.")
    String country;

    @Option(
        names = "--company",
        paramLabel = "ID",
        description = "Only claims naming this company as supplier or lender.")
    String company;

    @Option(
        names = "--technology",
        paramLabel = "CODE",
        description = "Only claims about this technology.")
    String technology;
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = {
        "Add a webhook for claim.established events and print its signing secret (shown only"
            + " this once).",
        "URL: http(s), no user:password@, at most 2000 characters; its host must not resolve to a"
            + " local-network address unless --allow-private is given (`custodiet serve` then"
            + " needs --webhooks-allow-private to send to it)."
      })
  static final class Add implements Callable<Integer> {
    @ParentCommand WebhookCommand parent;
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "URL")
    String url;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Scope scope;

    @Option(
        names = "--allow-private",
        description =
            "Accept a URL on a local-network address (loopback, private, link-local and the like)"
                + " for a receiver on the operator's own network.")
    boolean allowPrivate;

    @Override
    public Integer call() {
      WebhookScope s =
          scope == null
              ? WebhookScope.ALL
              : new WebhookScope(
                  scope.country == null ? null : scope.country.toUpperCase(java.util.Locale.ROOT),
                  scope.company,
                  scope.technology);
      Webhooks.Added added =
          InWorkspace.run(
              parent.main,
              spec,
              w ->
                  new Webhooks(w.database(), WebhookTargets.allowingPrivate(allowPrivate))
                      .add(url, s, ReleaseCommand.cliActor()));
      PrintWriter out = spec.commandLine().getOut();
      out.printf(
          "webhook %d added for %s: %s%n", added.webhook().id(), added.webhook().scope(), url);
      out.printf("secret %s%n", added.secret());
      out.println(
          "Keep the secret: it is not shown again. Check X-Custodiet-Signature = sha256=hex(HMAC-SHA256(secret,"
              + " X-Custodiet-Timestamp + \".\" + body)).");
      return 0;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List active webhooks.")
  static final class ListWebhooks implements Callable<Integer> {
    @ParentCommand WebhookCommand parent;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      TextTable table = new TextTable("id", "scope", "url", "added", "by").alignRight(0);
      for (Webhook w :
          InWorkspace.run(parent.main, spec, ws -> new Webhooks(ws.database()).list())) {
        table.row(w.id(), w.scope(), w.url(), w.createdAt(), w.createdBy());
      }
      table.print(spec.commandLine().getOut());
      return 0;
    }
  }

  @Command(
      name = "remove",
      mixinStandardHelpOptions = true,
      description = "Remove a webhook; its pending deliveries are cancelled.")
  static final class Remove implements Callable<Integer> {
    @ParentCommand WebhookCommand parent;
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID")
    long id;

    @Override
    public Integer call() {
      Webhook w =
          InWorkspace.lookUp(
              parent.main,
              spec,
              ws -> new Webhooks(ws.database()).remove(id, ReleaseCommand.cliActor()));
      spec.commandLine().getOut().printf("webhook %d removed (%s)%n", w.id(), w.url());
      return 0;
    }
  }
}
