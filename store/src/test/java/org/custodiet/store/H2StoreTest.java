package org.custodiet.store;

import java.nio.file.Files;

/** The store suite on H2 file databases (the embedded default), one per test. */
class H2StoreTest extends StoreContract {
  @Override
  protected Database createDatabase() throws Exception {
    return Database.openDirectory(Files.createTempDirectory(tmp, "h2-"));
  }
}
