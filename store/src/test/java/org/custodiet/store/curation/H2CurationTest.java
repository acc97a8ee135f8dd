package org.custodiet.store.curation;

import java.nio.file.Files;
import org.custodiet.store.Database;

/** The curation suite on H2 file databases. */
class H2CurationTest extends CurationContract {
  @Override
  protected Database createDatabase() throws Exception {
    return Database.openDirectory(Files.createTempDirectory(tmp, "h2-"));
  }
}
