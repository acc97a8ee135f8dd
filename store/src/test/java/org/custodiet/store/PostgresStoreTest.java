package org.custodiet.store;

/** The store suite on PostgreSQL: a new database per test on the shared embedded server. */
class PostgresStoreTest extends StoreContract {
  @Override
  protected Database createDatabase() {
    return TestPostgres.newDatabase("custodiet_test");
  }
}
