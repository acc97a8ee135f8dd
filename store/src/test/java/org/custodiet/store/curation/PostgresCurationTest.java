package org.custodiet.store.curation;

import org.custodiet.store.Database;
import org.custodiet.store.TestPostgres;

/** The curation suite on PostgreSQL: a new database per test on the shared server. */
class PostgresCurationTest extends CurationContract {
  @Override
  protected Database createDatabase() {
    return TestPostgres.newDatabase("custodiet_curation");
  }
}
