package org.custodiet.store.ingest;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.custodiet.store.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The document store suite on PostgreSQL: one embedded server per class, a database per test. */
class PostgresDocumentStoreTest extends DocumentStoreContract {
  private static EmbeddedPostgres postgres;
  private static final AtomicInteger NEXT = new AtomicInteger();

  @BeforeAll
  static void start() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stop() throws Exception {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Override
  protected Database createDatabase() throws Exception {
    String name = "custodiet_documents_" + NEXT.incrementAndGet();
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    return Database.open(
        "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + name, "postgres", "postgres");
  }
}
