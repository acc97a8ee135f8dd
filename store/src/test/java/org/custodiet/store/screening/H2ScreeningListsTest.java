package org.custodiet.store.screening;

import java.nio.file.Path;
import org.custodiet.store.Database;

/** The screening-list suite on an H2 file database. */
class H2ScreeningListsTest extends ScreeningListsContract {
  @Override
  protected Database createDatabase(Path dir) {
    return Database.openDirectory(dir);
  }
}
