package org.custodiet.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import org.custodiet.web.api.ApiRoutes;
import org.custodiet.web.http.AccessLog;
import org.custodiet.web.http.ErrorResponses;
import org.custodiet.web.http.RequestGuards;
import org.custodiet.web.http.ServerErrors;
import org.custodiet.web.metrics.ServerMetrics;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The custodiet web server: pages and the REST API over one {@link Site}. Security headers, limits,
 * error bodies and the access log apply to every route, whoever registers it.
 */
public final class WebServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

  /** How long a stop waits for requests in progress to finish. */
  static final long GRACEFUL_STOP_MILLIS = 10_000;

  /**
   * Where and how to listen. Loopback by default: exposing the server is a deliberate choice.
   * {@code webhooksAllowPrivate} lets admins register webhooks on local-network addresses ({@link
   * org.custodiet.store.webhook.WebhookTargets}).
   */
  public record Options(String host, int port, boolean webhooksAllowPrivate) {
    public static final Options DEFAULTS = new Options("127.0.0.1", 8080);

    public Options(String host, int port) {
      this(host, port, false);
    }

    public Options {
      Objects.requireNonNull(host, "host");
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
      }
    }
  }

  private final Javalin app;
  private final AccessLog accessLog;
  private final ServerMetrics metrics;

  private WebServer(Javalin app, AccessLog accessLog, ServerMetrics metrics) {
    this.app = app;
    this.accessLog = accessLog;
    this.metrics = metrics;
  }

  /** Builds and starts the server; port 0 picks a free port. */
  public static WebServer start(Site site, Options options) {
    AccessLog accessLog = new AccessLog();
    ServerMetrics metrics = new ServerMetrics(site.database());
    Javalin app =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.jetty.host = options.host();
              config.jetty.port = options.port();
              config.jetty.modifyServer(
                  server -> {
                    // Stopping lets requests in progress finish (up to the timeout) and refuses
                    // new ones.
                    server.setHandler(new GracefulHandler());
                    server.setStopTimeout(GRACEFUL_STOP_MILLIS);
                    server.setRequestLog(accessLog);
                    server.setErrorHandler(new ServerErrors());
                  });
              config.jetty.modifyServletContextHandler(
                  context -> context.setErrorHandler(new ServerErrors()));
              config.http.maxRequestSize = RequestGuards.MAX_BODY_BYTES;
              config.http.prefer405over404 = true;
              config.routes.before(RequestGuards::check);
              ErrorResponses.register(config);
              org.custodiet.web.auth.AuthRoutes.register(config, site);
              config.routes.get("/health", ctx -> health(ctx, site));
              config.requestLogger.http(metrics::request);
              config.routes.get("/metrics", metrics::serve);
              ApiRoutes.register(config, site);
              org.custodiet.web.pages.PageRoutes.register(config, site);
              org.custodiet.web.downloads.DownloadRoutes.register(config, site);
              org.custodiet.web.release.ReleaseRoutes.register(config, site);
              org.custodiet.web.feed.FeedRoutes.register(config, site);
              org.custodiet.web.admin.WebhookAdminRoutes.register(
                  config,
                  site,
                  org.custodiet.store.webhook.WebhookTargets.allowingPrivate(
                      options.webhooksAllowPrivate()));
              org.custodiet.web.review.ReviewRoutes.register(config, site);
              org.custodiet.web.screening.ScreeningRoutes.register(config, site);
            });
    try {
      app.start();
    } catch (RuntimeException e) {
      accessLog.close();
      throw e;
    }
    return new WebServer(app, accessLog, metrics);
  }

  /** 200 when the database answers a trivial query, 503 when it does not. */
  private static void health(Context ctx, Site site) {
    ctx.header("Cache-Control", "no-store");
    try (Connection c = site.database().dataSource().getConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT 1")) {
      rs.next();
      ctx.json(new Health("ok", site.current().version(), null));
    } catch (SQLException | RuntimeException e) {
      LOG.warn("health check: the database does not answer: {}", e.getMessage());
      ctx.status(503);
      ctx.json(new Health("unavailable", site.current().version(), "the database does not answer"));
    }
  }

  /** The body of {@code /health}. */
  public record Health(String status, long snapshot, String message) {}

  /** Every route registered, as "METHOD path" (e.g. "GET /api/v1/countries/{iso3}"). */
  public List<String> routes() {
    return app.unsafe.internalRouter.allHttpHandlers().stream()
        .map(e -> e.endpoint.method.name() + " " + e.endpoint.path)
        .toList();
  }

  /** The metrics {@code GET /metrics} shows; in-process ingest runs report to it. */
  public ServerMetrics metrics() {
    return metrics;
  }

  public int port() {
    return app.port();
  }

  /** Stops gracefully: requests in progress finish, new connections are refused. */
  @Override
  public void close() {
    try {
      app.stop();
    } finally {
      accessLog.close();
    }
  }
}
