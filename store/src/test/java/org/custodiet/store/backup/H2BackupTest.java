package org.custodiet.store.backup;

import java.nio.file.Files;
import org.custodiet.store.Database;

/** Full backups on H2 file databases, the embedded default. */
class H2BackupTest extends BackupContract {
  @Override
  protected Database createDatabase() throws Exception {
    return Database.openDirectory(Files.createTempDirectory(tmp, "h2-"));
  }
}
