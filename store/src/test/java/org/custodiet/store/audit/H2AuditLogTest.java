package org.custodiet.store.audit;

import java.nio.file.Files;
import org.custodiet.store.Database;

/** The decision-log suite on H2 file databases. */
class H2AuditLogTest extends AuditLogContract {
  @Override
  protected Database createDatabase() throws Exception {
    return Database.openDirectory(Files.createTempDirectory(tmp, "h2-"));
  }
}
