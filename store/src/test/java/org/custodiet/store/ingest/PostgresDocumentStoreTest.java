package org.custodiet.store.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.custodiet.store.Database;
import org.custodiet.store.TestPostgres;
import org.junit.jupiter.api.Test;

/** The document store suite on PostgreSQL: a new database per test on the shared server. */
class PostgresDocumentStoreTest extends DocumentStoreContract {
  @Override
  protected Database createDatabase() {
    return TestPostgres.newDatabase("custodiet_documents");
  }

  /** PostgreSQL caches per connection: a pool would hand out ids far out of order. */
  @Test
  void theIngestTablesKeepPostgresqlsIdentityCacheOfOne() throws Exception {
    Database db = fresh();
    long cache =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT cache_size FROM pg_sequences WHERE schemaname || '.' ||"
                                + " sequencename = pg_get_serial_sequence('document', 'id')")
                        .mapTo(Long.class)
                        .one());
    assertThat(cache).isEqualTo(1);
  }
}
