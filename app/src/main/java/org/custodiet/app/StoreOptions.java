package org.custodiet.app;

import java.nio.file.Path;
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

  Path dataDirOrDefault() {
    return dataDir != null ? dataDir : Path.of(System.getProperty("user.home"), ".custodiet");
  }
}
