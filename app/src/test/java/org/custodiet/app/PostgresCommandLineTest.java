package org.custodiet.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same command line on a real PostgreSQL server gives the same figures as on H2. */
class PostgresCommandLineTest {
  private static EmbeddedPostgres postgres;
  @TempDir static Path h2;

  @BeforeAll
  static void start() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  private static String url() {
    return postgres.getJdbcUrl("postgres", "postgres");
  }

  @Test
  void indexOnPostgresEqualsIndexOnH2() {
    CommandLineTest.Run onPostgres =
        CommandLineTest.run("--db", url(), "index", "--format", "json", "--as-of", "2026-11-27");
    assertThat(onPostgres.exit()).as(onPostgres.err()).isZero();
    assertThat(onPostgres.err()).contains("loaded the bundled data");
    CommandLineTest.Run onH2 =
        CommandLineTest.runOn(h2, "index", "--format", "json", "--as-of", "2026-11-27");
    assertThat(onPostgres.out()).isEqualTo(onH2.out());

    CommandLineTest.Run again = CommandLineTest.run("--db", url(), "country", "KEN");
    assertThat(again.exit()).isZero();
    assertThat(again.err()).doesNotContain("loaded the bundled data");
  }

  @Test
  void anUnreachableDatabaseIsAClearFailure() {
    CommandLineTest.Run r =
        CommandLineTest.run("--db", "jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2", "index");
    assertThat(r.exit()).isEqualTo(Main.EXIT_FAILURE);
    assertThat(r.err()).contains("custodiet index:").contains("127.0.0.1:1");
  }

  @Test
  void anUnsupportedUrlIsNamed() {
    CommandLineTest.Run r = CommandLineTest.run("--db", "jdbc:mysql://localhost/x", "index");
    assertThat(r.exit()).isNotZero();
    assertThat(r.err()).contains("jdbc:mysql://localhost/x");
  }
}
