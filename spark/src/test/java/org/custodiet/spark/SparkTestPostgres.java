package org.custodiet.spark;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One embedded PostgreSQL server for the module's tests, started on first use and stopped at exit;
 * each caller gets a fresh database on it (the store's tests do the same).
 */
final class SparkTestPostgres {
  private static final AtomicInteger NEXT = new AtomicInteger();
  private static EmbeddedPostgres server;

  private SparkTestPostgres() {}

  /** The JDBC URL (with credentials) of a new, empty database. */
  static String newDatabaseUrl(String prefix) {
    String name = prefix + "_" + NEXT.incrementAndGet();
    EmbeddedPostgres postgres = server();
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create test database " + name, e);
    }
    return "jdbc:postgresql://127.0.0.1:"
        + postgres.getPort()
        + "/"
        + name
        + "?user=postgres&password=postgres";
  }

  private static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("could not start embedded PostgreSQL", e);
      }
      EmbeddedPostgres started = server;
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      started.close();
                    } catch (IOException e) {
                      // The JVM is exiting; the server's directory is temporary either way.
                    }
                  },
                  "embedded-postgres-stop"));
    }
    return server;
  }
}
