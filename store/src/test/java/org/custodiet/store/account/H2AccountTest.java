package org.custodiet.store.account;

import java.nio.file.Files;
import org.custodiet.store.Database;

/** The account suite on H2 file databases. */
class H2AccountTest extends AccountContract {
  @Override
  protected Database createDatabase() throws Exception {
    return Database.openDirectory(Files.createTempDirectory(tmp, "h2-"));
  }
}
