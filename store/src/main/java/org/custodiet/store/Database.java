package org.custodiet.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * An open, migrated custodiet database: an H2 file database in a data directory (the embedded
 * default) or any H2 or PostgreSQL JDBC URL. Opening runs the Flyway migrations.
 */
public final class Database implements AutoCloseable {
  /**
   * H2 settings that make it behave like PostgreSQL for our schema and queries. WRITE_DELAY=0
   * writes each commit to the file before the commit returns: by default H2 keeps up to a second of
   * commits in memory, and a killed process loses decisions it had already acknowledged
   * (DecisionBurstKillTest).
   */
  public static final String H2_OPTIONS =
      ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";

  private final String url;
  private final DataSource dataSource;
  private final AutoCloseable closer;
  private final Jdbi jdbi;
  private final boolean postgres;

  private Database(String url, DataSource dataSource, AutoCloseable closer, boolean postgres) {
    this.url = url;
    this.dataSource = dataSource;
    this.closer = closer;
    this.postgres = postgres;
    this.jdbi = Jdbi.create(dataSource);
  }

  /**
   * Opens (creating if needed) the H2 file database {@code custodiet} in {@code dataDir} and
   * migrates it.
   */
  public static Database openDirectory(Path dataDir) {
    Objects.requireNonNull(dataDir, "data directory");
    try {
      Files.createDirectories(dataDir);
    } catch (java.io.IOException e) {
      throw new StoreException(
          "cannot create data directory " + dataDir + ": " + e.getMessage(), e);
    }
    String url = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("custodiet") + H2_OPTIONS;
    return open(url, "sa", "");
  }

  /** Opens a database from a JDBC URL without credentials (or with them in the URL). */
  public static Database open(String jdbcUrl) {
    return open(jdbcUrl, null, null);
  }

  /**
   * Opens {@code jdbc:postgresql:...} or {@code jdbc:h2:...} and migrates it. For H2 URLs without a
   * MODE, the PostgreSQL compatibility options are appended.
   */
  public static Database open(String jdbcUrl, String user, String password) {
    Objects.requireNonNull(jdbcUrl, "JDBC URL");
    Database db;
    if (jdbcUrl.startsWith("jdbc:h2:")) {
      String url =
          jdbcUrl.toUpperCase(java.util.Locale.ROOT).contains(";MODE=")
              ? jdbcUrl
              : jdbcUrl + H2_OPTIONS;
      JdbcConnectionPool pool =
          JdbcConnectionPool.create(
              url, user == null ? "sa" : user, password == null ? "" : password);
      pool.setMaxConnections(32);
      db = new Database(url, pool, pool::dispose, false);
    } else if (jdbcUrl.startsWith("jdbc:postgresql:")) {
      PGSimpleDataSource ds = new PGSimpleDataSource();
      ds.setURL(jdbcUrl);
      if (user != null) {
        ds.setUser(user);
      }
      if (password != null) {
        ds.setPassword(password);
      }
      db = new Database(jdbcUrl, ds, () -> {}, true);
    } else {
      throw new StoreException(
          "unsupported JDBC URL '" + jdbcUrl + "': use jdbc:postgresql:... or jdbc:h2:...", null);
    }
    try {
      db.migrate();
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
    return db;
  }

  private void migrate() {
    try (Connection c = dataSource.getConnection()) {
      c.isValid(5);
    } catch (SQLException e) {
      throw new StoreException("cannot connect to " + safeUrl() + ": " + e.getMessage(), e);
    }
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .failOnMissingLocations(true)
        .load()
        .migrate();
  }

  private String safeUrl() {
    return url.replaceAll("password=[^&;]*", "password=***");
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  /** The JDBC URL, with any password masked. */
  public String url() {
    return safeUrl();
  }

  public boolean isPostgres() {
    return postgres;
  }

  @Override
  public void close() {
    try {
      closer.close();
    } catch (Exception e) {
      throw new StoreException("closing " + safeUrl() + ": " + e.getMessage(), e);
    }
  }
}
