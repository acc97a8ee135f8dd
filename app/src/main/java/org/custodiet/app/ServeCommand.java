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
    description = "Runs the web application and the REST API until stopped (Ctrl-C).")
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

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    WebServer.Options options = new WebServer.Options(host, port);
    CountDownLatch stopped = new CountDownLatch(1);
    try (Workspace workspace = Workspace.open(main.store, spec.commandLine().getErr());
        Site site =
            new Site(
                workspace.database(),
                SearchIndex.open(main.store.dataDirOrDefault().resolve("search")));
        WebServer server = WebServer.start(site, options)) {
      Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "custodiet-shutdown"));
      out.println("custodiet: serving http://" + host + ":" + server.port() + "/ (Ctrl-C stops)");
      out.flush();
      stopped.await();
    }
    return 0;
  }
}
