package org.custodiet.store.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.custodiet.core.model.Claim;
import org.custodiet.core.model.ClaimKind;
import org.custodiet.core.model.Company;
import org.custodiet.core.model.Country;
import org.custodiet.core.model.Evidence;
import org.custodiet.core.model.KnowledgeBase;
import org.custodiet.core.model.PublicationDate;
import org.custodiet.core.model.Source;
import org.custodiet.core.model.SourceTier;
import org.custodiet.core.model.Supplier;
import org.custodiet.core.model.Technology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchIndexTest {
  private static final LocalDate RECORDED = LocalDate.of(2026, 1, 2);

  /** A small knowledge base written for these tests. */
  static KnowledgeBase knowledgeBase(String extraEvidenceSummary) {
    List<Country> countries =
        List.of(
            new Country("KEN", "KE", "Kenya", "Africa", "Sub-Saharan Africa"),
            new Country("CHN", "CN", "China", "Asia", "Eastern Asia"),
            new Country("CIV", "CI", "Côte d'Ivoire", "Africa", "Sub-Saharan Africa"),
            new Country("ECU", "EC", "Ecuador", "Americas", "Latin America and the Caribbean"));
    List<Company> companies =
        List.of(
            new Company("huawei", "Huawei", "CHN", null, Company.Ownership.PRIVATE, List.of()),
            new Company(
                "hikvision",
                "Hikvision",
                "CHN",
                null,
                Company.Ownership.STATE_OWNED,
                List.of("Hangzhou Hikvision Digital Technology")),
            new Company("zte", "ZTE", "CHN", null, Company.Ownership.LISTED, List.of()));
    List<Technology> technologies =
        List.of(new Technology("smart_city", "Safe/smart city", "City-wide camera platforms"));
    List<Source> sources =
        List.of(
            new Source(
                "doc-1",
                Source.SourceType.DOCUMENT,
                "https://news.example.org/nairobi-cameras",
                null,
                "Cameras watch <Nairobi> streets",
                "Example Daily",
                null,
                PublicationDate.parse("2019-05"),
                SourceTier.B,
                "established_media",
                null,
                null));
    List<Claim> claims =
        List.of(
            new Claim(
                "t/KEN/supplies/huawei",
                ClaimKind.SUPPLIES,
                "KEN",
                "smart_city",
                Supplier.company("huawei"),
                null,
                null,
                "Nairobi",
                null,
                null,
                null),
            new Claim(
                "t/ECU/supplies/hikvision",
                ClaimKind.SUPPLIES,
                "ECU",
                "smart_city",
                Supplier.company("hikvision"),
                null,
                null,
                null,
                null,
                null,
                null));
    List<Evidence> evidence =
        List.of(
            new Evidence(
                "t/KEN/supplies/huawei",
                "doc-1",
                "The story says Huawei built the Nairobi camera network & control room",
                null,
                RECORDED),
            new Evidence(
                "t/ECU/supplies/hikvision", "doc-1", extraEvidenceSummary, null, RECORDED));
    return new KnowledgeBase(
        countries,
        companies,
        technologies,
        sources,
        claims,
        evidence,
        List.of(),
        List.of(),
        List.of(),
        List.of());
  }

  private static final KnowledgeBase KB =
      knowledgeBase("Cameras from Hikvision were installed across Quito, the report says");

  @Test
  void misspelt_company_names_find_the_company_first() {
    try (SearchIndex index = SearchIndex.inMemory()) {
      index.synchronize(KB);
      assertThat(index.search("hikvison", 10).hits().get(0))
          .extracting(SearchHit::kind, SearchHit::id, SearchHit::url)
          .containsExactly(SearchHit.Kind.COMPANY, "hikvision", "/companies/hikvision");
      assertThat(index.search("huawai", 10).hits().get(0).id()).isEqualTo("huawei");
      assertThat(index.search("Kenya", 10).hits().get(0))
          .extracting(SearchHit::kind, SearchHit::id, SearchHit::url)
          .containsExactly(SearchHit.Kind.COUNTRY, "KEN", "/countries/KEN");
    }
  }

  @Test
  void exact_matches_rank_above_fuzzy_ones_and_evidence_is_found_with_its_claim() {
    try (SearchIndex index = SearchIndex.inMemory()) {
      index.synchronize(KB);
      SearchResults results = index.search("hikvision", 10);
      assertThat(results.hits().get(0).id()).isEqualTo("hikvision");
      assertThat(results.hits())
          .anySatisfy(
              h -> {
                assertThat(h.kind()).isEqualTo(SearchHit.Kind.EVIDENCE);
                assertThat(h.id()).isEqualTo("t/ECU/supplies/hikvision");
                assertThat(h.url()).isEqualTo("/countries/ECU#claim-t/ECU/supplies/hikvision");
              });
      assertThat(results.total()).isEqualTo(results.hits().size());
      assertThat(index.search("ecuadr", 10).hits().get(0).id()).isEqualTo("ECU");
    }
  }

  @Test
  void accents_and_alternative_country_names_match() {
    try (SearchIndex index = SearchIndex.inMemory()) {
      index.synchronize(KB, Map.of("CIV", List.of("Ivory Coast")));
      assertThat(index.search("cote divoire", 5).hits().get(0).id()).isEqualTo("CIV");
      assertThat(index.search("côte", 5).hits().get(0).id()).isEqualTo("CIV");
      assertThat(index.search("ivory coast", 5).hits().get(0).id()).isEqualTo("CIV");
    }
  }

  @Test
  void snippets_are_escaped_html_with_only_mark_tags() {
    try (SearchIndex index = SearchIndex.inMemory()) {
      index.synchronize(KB);
      SearchHit source =
          index.search("nairobi", 10).hits().stream()
              .filter(h -> h.kind() == SearchHit.Kind.SOURCE)
              .findFirst()
              .orElseThrow();
      assertThat(source.snippetHtml())
          .contains("&lt;<mark>Nairobi</mark>&gt;")
          .doesNotContain("<Nairobi>");
      SearchHit evidence =
          index.search("nairobi control", 10).hits().stream()
              .filter(h -> h.kind() == SearchHit.Kind.EVIDENCE)
              .findFirst()
              .orElseThrow();
      assertThat(evidence.snippetHtml())
          .contains("<mark>Nairobi</mark>")
          .contains("&amp;")
          .contains("<mark>control</mark>");
      String withoutMarks = evidence.snippetHtml().replace("<mark>", "").replace("</mark>", "");
      assertThat(withoutMarks).doesNotContain("<").doesNotContain(">");
    }
  }

  @Test
  void query_syntax_is_plain_text_and_limits_are_enforced() {
    try (SearchIndex index = SearchIndex.inMemory()) {
      index.synchronize(KB);
      for (String hostile :
          List.of(
              "huawei AND (", "\"unbalanced", "*", "?~2", "field:value", "a\\", "/regex/", "")) {
        assertThat(index.search(hostile, 10)).isNotNull();
      }
      assertThat(index.search("huawei AND (", 10).hits().get(0).id()).isEqualTo("huawei");
      assertThat(index.search("   ", 10).hits()).isEmpty();
      assertThatThrownBy(() -> index.search("x".repeat(SearchIndex.MAX_QUERY_LENGTH + 1), 10))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("q:");
      assertThatThrownBy(() -> index.search("huawei", 0)).hasMessageStartingWith("limit:");
      assertThatThrownBy(() -> index.search("huawei", SearchIndex.MAX_LIMIT + 1))
          .hasMessageStartingWith("limit:");
      assertThat(index.search("huawei zte hikvision kenya china ecuador a b c d e f", 100).hits())
          .isNotEmpty();
    }
  }

  @Test
  void an_index_on_disk_is_rebuilt_only_when_the_data_change(@TempDir Path dir) throws Exception {
    String first;
    try (SearchIndex index = SearchIndex.open(dir)) {
      assertThat(index.search("kenya", 5).total()).isZero();
      index.synchronize(KB);
      first = index.fingerprint();
      assertThat(first).isNotEmpty();
    }
    long modified = newestModification(dir);
    try (SearchIndex reopened = SearchIndex.open(dir)) {
      assertThat(reopened.fingerprint()).isEqualTo(first);
      reopened.synchronize(KB);
      assertThat(newestModification(dir)).isEqualTo(modified);
      assertThat(reopened.search("kenya", 5).hits().get(0).id()).isEqualTo("KEN");

      reopened.synchronize(knowledgeBase("Quito bought Hikvision thermal cameras"));
      assertThat(reopened.fingerprint()).isNotEqualTo(first);
      assertThat(reopened.search("thermal", 5).hits())
          .extracting(SearchHit::id)
          .containsExactly("t/ECU/supplies/hikvision");
    }
  }

  @Test
  void a_damaged_index_is_rebuilt(@TempDir Path dir) throws Exception {
    try (SearchIndex index = SearchIndex.open(dir)) {
      index.synchronize(KB);
    }
    try (var files = Files.list(dir)) {
      for (Path f : files.toList()) {
        if (f.getFileName().toString().startsWith("segments")) {
          Files.writeString(f, "not an index");
        }
      }
    }
    try (SearchIndex index = SearchIndex.open(dir)) {
      index.synchronize(KB);
      assertThat(index.search("huawei", 5).hits().get(0).id()).isEqualTo("huawei");
    }
  }

  private static long newestModification(Path dir) throws Exception {
    try (var files = Files.list(dir)) {
      return files.mapToLong(f -> f.toFile().lastModified()).max().orElse(0);
    }
  }
}
