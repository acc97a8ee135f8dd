package org.custodiet.store.release;

import org.custodiet.store.Database;
import org.custodiet.store.TestPostgres;

/** The release suite on PostgreSQL: a new database per test on the shared server. */
class PostgresReleasesTest extends ReleasesContract {
  @Override
  protected Database createDatabase() {
    return TestPostgres.newDatabase("custodiet_release");
  }
}
