package org.custodiet.store.ingest;

import org.custodiet.store.Database;
import org.custodiet.store.TestPostgres;

/** The document store suite on PostgreSQL: a new database per test on the shared server. */
class PostgresDocumentStoreTest extends DocumentStoreContract {
  @Override
  protected Database createDatabase() {
    return TestPostgres.newDatabase("custodiet_documents");
  }
}
