package org.custodiet.store.audit;

import org.custodiet.store.Database;
import org.custodiet.store.TestPostgres;

/** The decision-log suite on PostgreSQL: a new database per test on the shared server. */
class PostgresAuditLogTest extends AuditLogContract {
  @Override
  protected Database createDatabase() {
    return TestPostgres.newDatabase("custodiet_audit");
  }
}
