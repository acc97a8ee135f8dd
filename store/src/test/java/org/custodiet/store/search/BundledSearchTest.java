package org.custodiet.store.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.custodiet.core.model.KnowledgeBase;
import org.custodiet.store.Database;
import org.custodiet.store.KnowledgeBaseRepository;
import org.custodiet.store.SeedLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Search over the bundled seed data, as the site runs it. */
class BundledSearchTest {
  @TempDir static Path dir;
  private static SearchIndex index;

  @BeforeAll
  static void build() {
    try (Database db = Database.openDirectory(dir.resolve("db"))) {
      new SeedLoader(db).loadBundled();
      KnowledgeBaseRepository repository = new KnowledgeBaseRepository(db);
      KnowledgeBase kb = repository.load();
      Map<String, List<String>> names = new TreeMap<>();
      repository
          .countryNames()
          .forEach((name, iso3) -> names.computeIfAbsent(iso3, k -> new ArrayList<>()).add(name));
      index = SearchIndex.open(dir.resolve("search"));
      index.synchronize(kb, names);
    }
  }

  @AfterAll
  static void close() {
    index.close();
  }

  @Test
  void typos_and_names_find_the_company_or_country_first() {
    assertThat(first("hikvison")).isEqualTo("COMPANY hikvision");
    assertThat(first("huawai")).isEqualTo("COMPANY huawei");
    assertThat(first("kenya")).isEqualTo("COUNTRY KEN");
    assertThat(first("Burma")).isEqualTo("COUNTRY MMR");
  }

  @Test
  void evidence_and_sources_are_searchable() {
    SearchResults results = index.search("mendeley", 20);
    assertThat(results.hits()).anyMatch(h -> h.kind() == SearchHit.Kind.SOURCE);
    assertThat(index.search("nairobi", 50).hits())
        .anyMatch(h -> h.kind() == SearchHit.Kind.EVIDENCE && h.url().startsWith("/countries/"));
  }

  private static String first(String query) {
    SearchHit hit = index.search(query, 5).hits().get(0);
    return hit.kind() + " " + hit.id();
  }
}
