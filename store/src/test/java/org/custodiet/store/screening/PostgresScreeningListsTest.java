package org.custodiet.store.screening;

import java.nio.file.Path;
import org.custodiet.store.Database;
import org.custodiet.store.TestPostgres;

/** The screening-list suite on PostgreSQL. */
class PostgresScreeningListsTest extends ScreeningListsContract {
  @Override
  protected Database createDatabase(Path dir) {
    return TestPostgres.newDatabase("custodiet_screening");
  }
}
