package org.custodiet.store.webhook;

import org.custodiet.store.Database;
import org.custodiet.store.TestPostgres;

/** Announcements and webhooks on PostgreSQL: a new database per test on the shared server. */
class PostgresNotificationsTest extends NotificationsContract {
  @Override
  protected Database createDatabase() {
    return TestPostgres.newDatabase("custodiet_notify");
  }
}
