package org.custodiet.store.account;

import org.custodiet.store.Database;
import org.custodiet.store.TestPostgres;

/** The account suite on PostgreSQL: a new database per test on the shared server. */
class PostgresAccountTest extends AccountContract {
  @Override
  protected Database createDatabase() {
    return TestPostgres.newDatabase("custodiet_accounts");
  }
}
