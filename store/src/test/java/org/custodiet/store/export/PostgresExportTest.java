package org.custodiet.store.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;
import org.custodiet.core.index.IndexEngine;
import org.custodiet.core.index.IndexQuery;
import org.custodiet.core.model.KnowledgeBase;
import org.custodiet.store.Database;
import org.custodiet.store.KnowledgeBaseRepository;
import org.custodiet.store.SeedLoader;
import org.custodiet.store.TestPostgres;
import org.junit.jupiter.api.Test;

/** The same data gives the same export bytes whichever database it was read from. */
class PostgresExportTest {
  @Test
  void exportsFromPostgresEqualExportsFromH2ByteForByte() throws Exception {
    KnowledgeBase fromPostgres;
    try (Database db = TestPostgres.newDatabase("custodiet_export")) {
      new SeedLoader(db).loadBundled();
      fromPostgres = new KnowledgeBaseRepository(db).load();
    }
    IndexEngine postgresEngine = new IndexEngine(fromPostgres);
    IndexEngine h2Engine = new IndexEngine(SeededData.seed());
    IndexQuery q = IndexQuery.living(LocalDate.of(2026, 11, 27));
    for (ExportFormat format : List.of(ExportFormat.CSV, ExportFormat.JSON)) {
      for (ExportDataset d : ExportDataset.values()) {
        assertThat(export(postgresEngine, q, format, d))
            .as("%s %s", format, d)
            .isEqualTo(export(h2Engine, q, format, d));
      }
    }
    assertThat(export(postgresEngine, q, ExportFormat.FTM))
        .isEqualTo(export(h2Engine, q, ExportFormat.FTM));
  }

  private static byte[] export(
      IndexEngine engine, IndexQuery q, ExportFormat format, ExportDataset... datasets)
      throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Exports.write(new ExportData(engine, q), format, List.of(datasets), out);
    return out.toByteArray();
  }
}
