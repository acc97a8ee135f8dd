package org.custodiet.web.metrics;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Set;
import org.custodiet.store.Database;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's metrics in the Prometheus text format: requests and their latencies by route
 * template and status, the review queue's depth and the stored documents (read from the database at
 * each scrape, so they count what every process wrote), the connection pool, and documents and
 * bytes ingested in this process. One registry per server, so that servers in one JVM (tests) keep
 * their counts apart.
 */
public final class ServerMetrics {
  private static final Logger LOG = LoggerFactory.getLogger(ServerMetrics.class);
  private static final Set<String> METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
  private final Counter requests;
  private final Histogram latency;
  private final Counter ingestedDocuments;
  private final Counter ingestedBytes;

  public ServerMetrics(Database db) {
    requests =
        Counter.builder()
            .name("custodiet_http_requests_total")
            .help("HTTP requests answered, by method, route template and status")
            .labelNames("method", "route", "status")
            .register(registry);
    latency =
        Histogram.builder()
            .name("custodiet_http_request_duration_seconds")
            .help("Time to answer an HTTP request, by method, route template and status")
            .labelNames("method", "route", "status")
            .classicOnly()
            .classicUpperBounds(0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)
            .register(registry);
    ingestedDocuments =
        Counter.builder()
            .name("custodiet_ingest_documents_total")
            .help("Documents ingested in this process, by outcome (stored, duplicate, failed)")
            .labelNames("outcome")
            .register(registry);
    ingestedBytes =
        Counter.builder()
            .name("custodiet_ingest_bytes_total")
            .help("Input bytes of the documents ingested in this process")
            .register(registry);
    GaugeWithCallback.builder()
        .name("custodiet_review_queue_pending")
        .help("Candidate claims waiting for a curator (all processes; read at each scrape)")
        .callback(
            cb -> count(db, "SELECT COUNT(*) FROM candidate_claim WHERE status = 'pending'", cb))
        .register(registry);
    GaugeWithCallback.builder()
        .name("custodiet_documents_stored")
        .help("Ingested documents in the database (all processes); its rate is the ingest rate")
        .callback(cb -> count(db, "SELECT COUNT(*) FROM document", cb))
        .register(registry);
    GaugeWithCallback.builder()
        .name("custodiet_db_pool_connections")
        .help("Database connections by state (active, idle, max) and requests waiting for one")
        .labelNames("state")
        .callback(
            cb -> {
              Database.PoolStats stats = db.poolStats();
              cb.call(stats.active(), "active");
              cb.call(stats.idle(), "idle");
              cb.call(stats.waiting(), "waiting");
              cb.call(stats.max(), "max");
            })
        .register(registry);
  }

  /** Counts one answered request; the route is the matched template, never the raw path. */
  public void request(Context ctx, float millis) {
    Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
    String route = endpoint == null ? "unmatched" : endpoint.path;
    String method = ctx.method().name();
    String status = Integer.toString(ctx.statusCode());
    String m = METHODS.contains(method) ? method : "OTHER";
    requests.labelValues(m, route, status).inc();
    latency.labelValues(m, route, status).observe(millis / 1000.0);
  }

  /** Counts one document an in-process ingest run finished with. */
  public void ingested(String outcome, long bytes) {
    ingestedDocuments.labelValues(outcome).inc();
    ingestedBytes.inc(bytes);
  }

  /** {@code GET /metrics}. */
  public void serve(Context ctx) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(16_384);
    writer.write(out, registry.scrape());
    ctx.header("Cache-Control", "no-store");
    ctx.contentType(writer.getContentType());
    ctx.result(out.toByteArray());
  }

  /** One count from the database; when it does not answer, the gauge is left out of the scrape. */
  private static void count(Database db, String sql, GaugeWithCallback.Callback cb) {
    long value;
    try (Handle h = db.jdbi().open()) {
      value = h.createQuery(sql).mapTo(Long.class).one();
    } catch (RuntimeException e) {
      LOG.warn("metrics: the database does not answer: {}", e.getMessage());
      return;
    }
    cb.call(value);
  }
}
