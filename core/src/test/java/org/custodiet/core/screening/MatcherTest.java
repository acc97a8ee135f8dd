package org.custodiet.core.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MatcherTest {
  /**
   * Hikvision as lists record it: the English name as on the US Entity List (Federal Register
   * 2019-22210, https://www.federalregister.gov/d/2019-22210) and the Chinese names the company
   * uses itself (https://www.hikvision.com/cn/).
   */
  private static final ListEntry HIKVISION =
      new ListEntry(
          "hikvision",
          "us-csl",
          "Company",
          "Hangzhou Hikvision Digital Technology Co., Ltd.",
          List.of("Hikvision", "海康威视", "杭州海康威视数字技术股份有限公司"),
          Set.of("CHN"),
          Map.of());

  private static final List<ListEntry> ENTRIES =
      List.of(
          HIKVISION,
          company("dahua", "Zhejiang Dahua Technology Co., Ltd.", "Dahua Technology", "大华股份"),
          company("ct", "China Telecom Corporation Limited", "中国电信"),
          company("cu", "China United Network Communications Group", "China Unicom"),
          company("zte", "ZTE Corporation", "Zhongxing Telecommunication Equipment Corporation"),
          company("tech", "Shenzhen Technology Co., Ltd."),
          new ListEntry(
              "smith", "ofac", "Person", "John Smith", List.of(), Set.of("GBR"), Map.of()),
          new ListEntry(
              "hikru",
              "ofac",
              "Company",
              "Hikvision Rus LLC",
              List.of("ООО «Хиквижн Рус»"),
              Set.of("RUS"),
              Map.of()));

  private static final Matcher MATCHER = Matcher.build(ENTRIES);

  private static ListEntry company(String id, String name, String... aliases) {
    return new ListEntry(id, "us-csl", "Company", name, List.of(aliases), Set.of("CHN"), Map.of());
  }

  private static List<String> ids(List<MatchHit> hits) {
    return hits.stream().map(hit -> hit.entry().id()).toList();
  }

  @Test
  void everyFormOfHikvisionHitsItsListingFirst() {
    for (String name :
        List.of(
            "Hangzhou Hikvision Digital Technology Co., Ltd.", "HIKVISION", "海康威视", "Hikvison")) {
      List<MatchHit> hits = MATCHER.match(ScreeningQuery.of(name), 5);
      assertThat(ids(hits)).as(name).first().isEqualTo("hikvision");
      assertThat(hits.get(0).score()).as(name).isGreaterThanOrEqualTo(Matcher.DEFAULT_THRESHOLD);
    }
  }

  @Test
  void genericWordsAloneHitNothing() {
    assertThat(MATCHER.match(ScreeningQuery.of("Technology Co., Ltd."), 5)).isEmpty();
    assertThat(MATCHER.match(ScreeningQuery.of("Co., Ltd."), 5)).isEmpty();
    assertThat(MATCHER.match(ScreeningQuery.of("China Digital Technology Group"), 5)).isEmpty();
  }

  @Test
  void explanationNamesTheAliasTheTokensAndAddsUpToTheScore() {
    MatchHit hit = MATCHER.match(ScreeningQuery.of("Hikvison"), 1).get(0);
    Explanation explanation = hit.explanation();
    assertThat(explanation.queryName()).isEqualTo("Hikvison");
    assertThat(explanation.matchedName()).isEqualTo("Hikvision");
    assertThat(explanation.agreedTokens()).containsExactly("hikvison~hikvision");
    assertThat(explanation.features()).extracting(Feature::name).contains("edit_distance");
    double sum = explanation.features().stream().mapToDouble(Feature::contribution).sum();
    assertThat(sum).isCloseTo(hit.score(), org.assertj.core.data.Offset.offset(1e-9));

    MatchHit longName =
        MATCHER.match(ScreeningQuery.of("Hikvision Digital Technology Company Limited"), 1).get(0);
    assertThat(longName.explanation().differingTokens()).contains("hangzhou");
    assertThat(longName.explanation().features())
        .extracting(Feature::name)
        .contains("token_overlap");
  }

  @Test
  void chineseNamesHitThroughListedChineseAliasesAndGenericTranslation() {
    assertThat(ids(MATCHER.match(ScreeningQuery.of("杭州海康威视数字技术股份有限公司"), 3)))
        .first()
        .isEqualTo("hikvision");
    assertThat(ids(MATCHER.match(ScreeningQuery.of("China Telecom"), 3))).first().isEqualTo("ct");
  }

  @Test
  void hardNegativesStayApart() {
    assertThat(ids(MATCHER.match(ScreeningQuery.of("China Unicom"), 5))).doesNotContain("ct");
    assertThat(MATCHER.score("China Telecom", "China Unicom", "Company"))
        .isLessThan(Matcher.DEFAULT_THRESHOLD);
    assertThat(MATCHER.score("Jane Smith", "John Smith", "Person"))
        .isLessThan(Matcher.DEFAULT_THRESHOLD);
    assertThat(MATCHER.score("Smith", "John Smith", "Person"))
        .isLessThan(Matcher.DEFAULT_THRESHOLD);
    assertThat(MATCHER.score("Smith, John", "John Smith", "Person"))
        .isGreaterThanOrEqualTo(Matcher.DEFAULT_THRESHOLD);
  }

  @Test
  void acronymsMeetTheirFullNames() {
    assertThat(ids(MATCHER.match(ScreeningQuery.of("Zhongxing Telecommunication Equipment"), 3)))
        .contains("zte");
    assertThat(MATCHER.score("ZTE", "Zhongxing Telecommunication Equipment", null))
        .isGreaterThanOrEqualTo(Matcher.DEFAULT_THRESHOLD);
  }

  @Test
  void filtersBySchemaAndList() {
    assertThat(
            ids(MATCHER.match(new ScreeningQuery("John Smith", "Person", Set.of(), Set.of()), 5)))
        .containsExactly("smith");
    assertThat(MATCHER.match(new ScreeningQuery("John Smith", "Company", Set.of(), Set.of()), 5))
        .isEmpty();
    assertThat(
            MATCHER.match(new ScreeningQuery("Hikvision Rus", null, Set.of(), Set.of("ofac")), 5))
        .extracting(hit -> hit.entry().listId())
        .containsExactly("ofac");
    assertThat(
            MATCHER.match(new ScreeningQuery("Hikvision Rus", null, Set.of(), Set.of("us-csl")), 5))
        .extracting(hit -> hit.entry().listId())
        .doesNotContain("ofac");
  }

  @Test
  void countriesWeighOnTheScore() {
    double none =
        MATCHER.match(new ScreeningQuery("Hikvision Rus", null, Set.of(), Set.of()), 5).stream()
            .filter(hit -> hit.entry().id().equals("hikru"))
            .findFirst()
            .orElseThrow()
            .score();
    MatchHit agreeing =
        MATCHER.match(new ScreeningQuery("Hikvision Rus", null, Set.of("RUS"), Set.of()), 5).get(0);
    assertThat(agreeing.entry().id()).isEqualTo("hikru");
    assertThat(agreeing.explanation().features()).extracting(Feature::name).contains("country");
    List<MatchHit> differing =
        MATCHER.match(new ScreeningQuery("Hikvision Rus", null, Set.of("FRA"), Set.of()), 5);
    for (MatchHit hit : differing) {
      assertThat(hit.score()).isLessThan(none);
    }
  }

  @Test
  void scoresAreBetweenZeroAndOneSymmetricAndStable() {
    String[] names = {
      "Hikvision", "Hik Vision Ltd", "海康威视", "China Telecom", "ZTE", "John Smith", "Siemens AG"
    };
    for (String a : names) {
      for (String b : names) {
        double score = MATCHER.score(a, b, null);
        assertThat(score).isBetween(0.0, 1.0);
        assertThat(MATCHER.score(b, a, null)).isEqualTo(score);
        assertThat(Matcher.build(ENTRIES).score(a, b, null)).isEqualTo(score);
      }
    }
  }

  @Test
  void rejectsEmptyNamesAndBadLimitsClearly() {
    assertThatThrownBy(() -> MATCHER.match(ScreeningQuery.of(""), 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty");
    assertThatThrownBy(() -> MATCHER.match(ScreeningQuery.of(" \t "), 5))
        .hasMessageContaining("empty");
    assertThatThrownBy(() -> MATCHER.match(ScreeningQuery.of("--- \u0001 ***"), 5))
        .hasMessageContaining("no letters or digits");
    assertThatThrownBy(() -> MATCHER.match(ScreeningQuery.of("Hikvision"), 0))
        .hasMessageContaining("limit");
    assertThatThrownBy(() -> MATCHER.score("", "Hikvision", null)).hasMessageContaining("empty");
  }

  @Test
  void controlCharactersSeparateWords() {
    List<MatchHit> hits = MATCHER.match(ScreeningQuery.of("HIK\u0000VISION\u0007"), 3);
    assertThat(ids(hits)).first().isEqualTo("hikvision");
  }

  @Test
  void tenThousandCharacterNamesAreCutAndTheExplanationSaysSo() {
    String huge = "Hikvision " + "x".repeat(9_990);
    List<MatchHit> hits = MATCHER.match(ScreeningQuery.of(huge), 3);
    PairScore pair = MATCHER.scorePair(huge, "Hikvision", null);
    assertThat(pair.explanation().queryName()).hasSize(Matcher.MAX_NAME_CHARS);
    assertThat(pair.explanation().features())
        .anySatisfy(feature -> assertThat(feature.note()).contains("was cut"));
    assertThat(hits).allSatisfy(hit -> assertThat(hit.score()).isBetween(0.0, 1.0));
  }

  @Test
  void theIndexFindsWhatAFullScanFinds() {
    List<ListEntry> entries = SyntheticEntries.entries(500, 7);
    Matcher matcher = Matcher.build(entries);
    List<String> queries = SyntheticEntries.queries(entries, 90, 11);
    int found = 0;
    int expected = 0;
    for (String query : queries) {
      Set<String> scanned = new HashSet<>();
      for (ListEntry entry : entries) {
        for (String name : entry.names()) {
          String schema = entry.schema();
          if (matcher.score(query, name, schema) >= Matcher.DEFAULT_THRESHOLD) {
            scanned.add(entry.id());
          }
        }
      }
      Set<String> indexed = new HashSet<>(ids(matcher.match(ScreeningQuery.of(query), 1_000)));
      expected += scanned.size();
      Set<String> both = new HashSet<>(scanned);
      both.retainAll(indexed);
      found += both.size();
    }
    assertThat(expected).isGreaterThan(40);
    assertThat((double) found / expected)
        .as("share of full-scan hits the index finds")
        .isGreaterThan(0.95);
  }

  @Test
  void buildsFromAnEmptyListAndSkipsNamelessEntries() {
    Matcher empty = Matcher.build(List.of());
    assertThat(empty.match(ScreeningQuery.of("Hikvision"), 5)).isEmpty();
    List<ListEntry> odd = new ArrayList<>();
    odd.add(new ListEntry("blank", "x", null, " ", null, null, null));
    assertThat(Matcher.build(odd).match(ScreeningQuery.of("Hikvision"), 5)).isEmpty();
  }
}
