package org.custodiet.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import org.custodiet.core.index.IndexEngine;
import org.custodiet.core.index.IndexQuery;
import org.custodiet.core.index.IndexResult;
import org.custodiet.core.model.KnowledgeBase;
import org.custodiet.store.Database;
import org.custodiet.store.KnowledgeBaseRepository;
import org.custodiet.store.SeedLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-snapshot cache of index results, over the bundled data. */
class IndexCacheTest {
  @TempDir static Path dir;
  private static Database database;
  private static IndexEngine engine;

  @BeforeAll
  static void load() {
    database = Database.openDirectory(dir);
    new SeedLoader(database).loadBundled();
    KnowledgeBase kb = new KnowledgeBaseRepository(database).load();
    engine = new IndexEngine(kb);
  }

  @AfterAll
  static void close() {
    database.close();
  }

  @Test
  void answersARepeatedQueryWithTheResultItComputedFirst() {
    IndexCache cache = new IndexCache(engine);
    IndexQuery query = IndexQuery.living(LocalDate.of(2024, 6, 30));

    IndexResult first = cache.compute(query);

    assertThat(cache.compute(new IndexQuery(query.asOf(), query.sourceId()))).isSameAs(first);
    assertThat(first.figures()).isEqualTo(engine.compute(query).figures());
  }

  @Test
  void keepsOnlyTheMostRecentlyUsedResults() {
    IndexCache cache = new IndexCache(engine);
    LocalDate start = LocalDate.of(2015, 1, 1);
    IndexResult kept = cache.compute(IndexQuery.living(start));
    IndexResult oldest = cache.compute(IndexQuery.living(start.plusDays(1)));
    for (int day = 2; day <= IndexCache.MAX_ENTRIES + 5; day++) {
      cache.compute(IndexQuery.living(start.plusDays(day)));
      // Asked for again and again, the first result stays among the recent ones.
      assertThat(cache.compute(IndexQuery.living(start))).isSameAs(kept);
    }
    assertThat(cache.size()).isEqualTo(IndexCache.MAX_ENTRIES);
    assertThat(cache.compute(IndexQuery.living(start.plusDays(1)))).isNotSameAs(oldest);
  }
}
