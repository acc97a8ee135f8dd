package org.custodiet.store.ingest;

import java.nio.file.Files;
import org.custodiet.store.Database;

/** The document store suite on H2 file databases (the embedded default), one per test. */
class H2DocumentStoreTest extends DocumentStoreContract {
  @Override
  protected Database createDatabase() throws Exception {
    return Database.openDirectory(Files.createTempDirectory(tmp, "h2-"));
  }
}
