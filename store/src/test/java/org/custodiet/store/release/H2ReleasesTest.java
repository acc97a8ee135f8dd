package org.custodiet.store.release;

import java.nio.file.Files;
import org.custodiet.store.Database;

/** The release suite on H2 file databases. */
class H2ReleasesTest extends ReleasesContract {
  @Override
  protected Database createDatabase() throws Exception {
    return Database.openDirectory(Files.createTempDirectory(tmp, "h2-"));
  }
}
