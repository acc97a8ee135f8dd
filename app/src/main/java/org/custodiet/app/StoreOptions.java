package org.custodiet.app;

import java.nio.file.Path;
import org.custodiet.store.Database;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Where the knowledge base lives; every command takes these. */
final class StoreOptions {
  @Option(
      names = "--data",
      scope = ScopeType.INHERIT,
      paramLabel = "DIR",
      description = "Data directory for the embedded database (default: ~/.custodiet).")
  Path dataDir;

  @Option(
      names = "--db",
      scope = ScopeType.INHERIT,
      paramLabel = "URL",
      description =
          "JDBC URL of the database instead of the embedded one, e.g."
              + " jdbc:postgresql://localhost/custodiet (user and password from"
              + " CUSTODIET_DB_USER and CUSTODIET_DB_PASSWORD).")
  String dbUrl;

  @Option(
      names = "--db-pool-size",
      scope = ScopeType.INHERIT,
      paramLabel = "N",
      description = "Most connections held open to a PostgreSQL --db (default: 10).")
  int dbPoolSize = Database.Pool.DEFAULT.maxSize();

  @Option(
      names = "--db-pool-timeout",
      scope = ScopeType.INHERIT,
      paramLabel = "MS",
      description =
          "How long a request waits for a free PostgreSQL connection before it fails"
              + " (milliseconds; default: 30000).")
  long dbPoolTimeoutMillis = Database.Pool.DEFAULT.timeoutMillis();

  Database.Pool pool() {
    return new Database.Pool(dbPoolSize, dbPoolTimeoutMillis);
  }

  Path dataDirOrDefault() {
    return dataDir != null ? dataDir : Path.of(System.getProperty("user.home"), ".custodiet");
  }
}
