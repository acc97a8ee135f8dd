package org.custodiet.app;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.custodiet.store.search.SearchIndex;
import org.custodiet.web.Site;
import org.custodiet.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the web application and the REST API (/api/v1) until stopped (Ctrl-C or SIGTERM);"
          + " requests in progress finish before it exits.",
      "The search index is kept in the data directory (--data, also with --db)."
    })
final class ServeCommand implements Callable<Integer> {
  @picocli.CommandLine.ParentCommand Main main;
  @Spec CommandSpec spec;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
  String host;

  @Option(
      names = "--port",
      defaultValue = "8080",
      description = "Port to listen on, 0 for any free port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--webhooks-allow-private",
      description =
          "Let webhooks be added and sent to local-network addresses (loopback, private, link-local"
              + " and the like), for receivers on the operator's own network. Off by default:"
              + " such targets are refused to prevent server-side request forgery.")
  boolean webhooksAllowPrivate;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    WebServer.Options options;
    try {
      options = new WebServer.Options(host, port, webhooksAllowPrivate);
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--port: " + e.getMessage());
    }
    CountDownLatch stopRequested = new CountDownLatch(1);
    CountDownLatch stopped = new CountDownLatch(1);
    // The JVM halts once its shutdown hooks return, so the hook waits for the graceful stop.
    Thread hook =
        new Thread(
            () -> {
              stopRequested.countDown();
              awaitQuietly(stopped);
            },
            "custodiet-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try (Workspace workspace = Workspace.open(main.store, spec.commandLine().getErr());
        Site site =
            new Site(
                workspace.database(),
                SearchIndex.open(main.store.dataDirOrDefault().resolve("search")));
        WebServer server = WebServer.start(site, options);
        org.custodiet.web.feed.FeedAnnouncer announcer =
            new org.custodiet.web.feed.FeedAnnouncer(
                    site, org.custodiet.web.feed.FeedAnnouncer.publicBaseUrl())
                .start(java.time.Duration.ofSeconds(3));
        org.custodiet.store.webhook.WebhookDispatcher webhooks =
            new org.custodiet.store.webhook.WebhookDispatcher(
                    workspace.database(),
                    org.custodiet.store.webhook.WebhookDispatcher.Settings.DEFAULTS,
                    org.custodiet.store.webhook.WebhookTargets.allowingPrivate(
                        webhooksAllowPrivate))
                .start()) {
      out.println("custodiet: serving http://" + host + ":" + server.port() + "/ (Ctrl-C stops)");
      out.flush();
      stopRequested.await();
      out.println("custodiet: stopping; letting requests in progress finish");
      out.flush();
    } finally {
      stopped.countDown();
    }
    return 0;
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
