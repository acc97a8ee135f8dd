package org.custodiet.store.webhook;

import java.nio.file.Files;
import org.custodiet.store.Database;

/** Announcements and webhooks on H2 file databases. */
class H2NotificationsTest extends NotificationsContract {
  @Override
  protected Database createDatabase() throws Exception {
    return Database.openDirectory(Files.createTempDirectory(tmp, "h2-"));
  }
}
