package org.custodiet.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jdbi.v3.core.Jdbi;

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

  /**
   * How many connections the PostgreSQL pool holds at most, and how long a request for one waits
   * when all are in use before it fails. The embedded H2 database keeps its own pool.
   */
  public record Pool(int maxSize, long timeoutMillis) {
    public static final Pool DEFAULT = new Pool(10, 30_000);

    public Pool {
      if (maxSize < 1 || maxSize > 1000) {
        throw new IllegalArgumentException("pool size must be between 1 and 1000, got " + maxSize);
      }
      if (timeoutMillis < 250 || timeoutMillis > 600_000) {
        throw new IllegalArgumentException(
            "pool timeout must be between 250 ms and 10 minutes, got " + timeoutMillis + " ms");
      }
    }
  }

  /**
   * Tables that ingest fills by the thousand, whose H2 identity sequences hand out ids from a
   * larger cache. H2 keeps 32 ids of a sequence in memory and, each time they run out, records the
   * next high-water mark in a commit of its own; with WRITE_DELAY=0 every such commit writes all
   * changed pages to the file. Bulk ingest (one id per document, group and candidate) spent over a
   * fifth of its CPU time in those writes. A process killed mid-run skips the ids it had cached: a
   * gap, which no reader relies on. PostgreSQL is left alone: its caches are per connection, and
   * pooled connections would then hand out ids far out of order.
   */
  static final List<String> BULK_IDENTITY_TABLES =
      List.of("near_duplicate_group", "document", "candidate_claim");

  /** How many ids of {@link #BULK_IDENTITY_TABLES} H2 hands out per recorded high-water mark. */
  static final long BULK_IDENTITY_CACHE = 4096;

  /** Connections of the pool now: in use, idle, and requests waiting for one. */
  public record PoolStats(int active, int idle, int waiting, int max) {}

  private final String url;
  private final DataSource dataSource;
  private final AutoCloseable closer;
  private final Jdbi jdbi;
  private final boolean postgres;
  private final Supplier<PoolStats> stats;

  private Database(
      String url,
      DataSource dataSource,
      AutoCloseable closer,
      boolean postgres,
      Supplier<PoolStats> stats) {
    this.url = url;
    this.dataSource = dataSource;
    this.closer = closer;
    this.postgres = postgres;
    this.stats = stats;
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
    return open(jdbcUrl, user, password, Pool.DEFAULT);
  }

  /**
   * Opens {@code jdbc:postgresql:...} (through a connection pool of {@code pool}'s size) or {@code
   * jdbc:h2:...} and migrates it.
   */
  public static Database open(String jdbcUrl, String user, String password, Pool pool) {
    Objects.requireNonNull(jdbcUrl, "JDBC URL");
    Objects.requireNonNull(pool, "pool");
    Database db;
    if (jdbcUrl.startsWith("jdbc:h2:")) {
      String url =
          jdbcUrl.toUpperCase(java.util.Locale.ROOT).contains(";MODE=")
              ? jdbcUrl
              : jdbcUrl + H2_OPTIONS;
      JdbcConnectionPool h2 =
          JdbcConnectionPool.create(
              url, user == null ? "sa" : user, password == null ? "" : password);
      h2.setMaxConnections(32);
      db =
          new Database(
              url,
              h2,
              h2::dispose,
              false,
              () -> new PoolStats(h2.getActiveConnections(), 0, 0, h2.getMaxConnections()));
    } else if (jdbcUrl.startsWith("jdbc:postgresql:")) {
      HikariConfig config = new HikariConfig();
      config.setPoolName("custodiet");
      config.setJdbcUrl(jdbcUrl);
      if (user != null) {
        config.setUsername(user);
      }
      if (password != null) {
        config.setPassword(password);
      }
      config.setMaximumPoolSize(pool.maxSize());
      config.setMinimumIdle(Math.min(2, pool.maxSize()));
      config.setConnectionTimeout(pool.timeoutMillis());
      HikariDataSource hikari;
      try {
        hikari = new HikariDataSource(config);
      } catch (RuntimeException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        throw new StoreException(
            "cannot connect to " + mask(jdbcUrl) + ": " + cause.getMessage(), e);
      }
      HikariPoolMXBean bean = hikari.getHikariPoolMXBean();
      db =
          new Database(
              jdbcUrl,
              hikari,
              hikari::close,
              true,
              () ->
                  new PoolStats(
                      bean.getActiveConnections(),
                      bean.getIdleConnections(),
                      bean.getThreadsAwaitingConnection(),
                      pool.maxSize()));
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
    if (!postgres) {
      cacheBulkIdentities();
    }
  }

  private void cacheBulkIdentities() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement cached =
            c.prepareStatement(
                "SELECT identity_cache FROM information_schema.columns"
                    + " WHERE LOWER(table_schema) = 'public' AND LOWER(table_name) = ?"
                    + " AND LOWER(column_name) = 'id'");
        Statement alter = c.createStatement()) {
      for (String table : BULK_IDENTITY_TABLES) {
        cached.setString(1, table);
        try (ResultSet rs = cached.executeQuery()) {
          if (!rs.next() || rs.getLong(1) >= BULK_IDENTITY_CACHE) {
            continue;
          }
        }
        // the names are the constants above, never input
        alter.execute("ALTER TABLE " + table + " ALTER COLUMN id SET CACHE " + BULK_IDENTITY_CACHE);
      }
    } catch (SQLException e) {
      throw new StoreException(
          "cannot set the identity caches of " + safeUrl() + ": " + e.getMessage(), e);
    }
  }

  private String safeUrl() {
    return mask(url);
  }

  private static String mask(String jdbcUrl) {
    return jdbcUrl.replaceAll("password=[^&;]*", "password=***");
  }

  /** The connection pool's state now, for monitoring. */
  public PoolStats poolStats() {
    return stats.get();
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
