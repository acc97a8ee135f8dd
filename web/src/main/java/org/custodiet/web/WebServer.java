package org.custodiet.web;

import io.javalin.Javalin;
import java.util.Objects;

/** The custodiet web server: pages and the REST API over one {@link Site}. */
public final class WebServer implements AutoCloseable {
  /** Where and how to listen. Loopback by default: exposing the server is a deliberate choice. */
  public record Options(String host, int port) {
    public static final Options DEFAULTS = new Options("127.0.0.1", 8080);

    public Options {
      Objects.requireNonNull(host, "host");
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
      }
    }
  }

  private final Javalin app;

  private WebServer(Javalin app) {
    this.app = app;
  }

  /** Builds and starts the server; port 0 picks a free port. */
  public static WebServer start(Site site, Options options) {
    Javalin app =
        Javalin.create(
            config -> {
              config.jetty.host = options.host();
              config.jetty.port = options.port();
              config.routes.get("/health", ctx -> ctx.json(java.util.Map.of("status", "ok")));
              org.custodiet.web.downloads.DownloadRoutes.register(config, site);
            });
    app.start();
    return new WebServer(app);
  }

  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
  }
}
