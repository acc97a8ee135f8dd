package org.custodiet.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One embedded PostgreSQL server for every test in the JVM, started on first use and stopped at
 * exit; each caller gets a fresh database on it, so tests stay independent without paying a server
 * start each.
 */
public final class TestPostgres {
  private static final AtomicInteger NEXT = new AtomicInteger();
  private static EmbeddedPostgres server;

  private TestPostgres() {}

  /** A new, empty database, opened with the application's migrations. */
  public static Database newDatabase(String prefix) {
    String name = createDatabase(prefix);
    return Database.open(
        "jdbc:postgresql://localhost:" + server().getPort() + "/" + name, "postgres", "postgres");
  }

  /**
   * The JDBC URL, credentials included, of a new, empty database: for code under test that is given
   * a bare URL (as the Spark job's JDBC output is) and opens the database itself.
   */
  public static String newDatabaseUrl(String prefix) {
    String name = createDatabase(prefix);
    return "jdbc:postgresql://127.0.0.1:"
        + server().getPort()
        + "/"
        + name
        + "?user=postgres&password=postgres";
  }

  private static String createDatabase(String prefix) {
    String name = prefix + "_" + NEXT.incrementAndGet();
    try (Connection c = server().getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create test database " + name, e);
    }
    return name;
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
