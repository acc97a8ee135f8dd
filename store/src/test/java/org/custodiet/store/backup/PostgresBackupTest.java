package org.custodiet.store.backup;

import org.custodiet.store.Database;
import org.custodiet.store.TestPostgres;

/** Full backups on a real PostgreSQL server (embedded), one fresh database per test. */
class PostgresBackupTest extends BackupContract {
  @Override
  protected Database createDatabase() {
    return TestPostgres.newDatabase("backup");
  }
}
