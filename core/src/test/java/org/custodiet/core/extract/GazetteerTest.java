package org.custodiet.core.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.custodiet.core.Fixtures;
import org.custodiet.core.model.Company;
import org.junit.jupiter.api.Test;

class GazetteerTest {
  private static Gazetteer fromFixtures() {
    Fixtures f = new Fixtures();
    f.companies.add(
        new Company(
            "acme-vision",
            "Acme Vision Technology Co., Ltd.",
            "KEN",
            null,
            Company.Ownership.PRIVATE,
            List.of("Acme Eye (Acme Vision)", "AV")));
    return Gazetteer.from(f.build());
  }

  @Test
  void namesAliasesAndShortFormsOfKnowledgeBaseCompaniesResolve() {
    Gazetteer g = fromFixtures();
    assertThat(g.companyIdForName("Huawei")).contains("huawei");
    assertThat(g.companyIdForName("  huawei ")).contains("huawei");
    assertThat(g.companyIdForName("Acme Vision Technology Co., Ltd.")).contains("acme-vision");
    assertThat(g.companyIdForName("Acme Vision")).contains("acme-vision");
    assertThat(g.companyIdForName("Acme Eye")).contains("acme-vision");
    assertThat(g.companyIdForName("AV")).contains("acme-vision");
    assertThat(g.companyIdForName("Nobody Ltd")).isEmpty();
  }

  @Test
  void bundledSuppliersAreAddedWithoutReplacingTheKnowledgeBase() {
    Gazetteer g = fromFixtures();
    assertThat(g.companyIdForName("Axis Communications")).contains("axis-communications");
    assertThat(g.companyIdForName("Clearview")).contains("clearview-ai");
    assertThat(g.companyName("huawei")).isEqualTo("Huawei");
    assertThat(g.companyIdForName("China Exim Bank")).contains("exim");
  }

  @Test
  void legalNamesAndTransliterationsOfBundledSuppliersResolve() {
    Gazetteer g = fromFixtures();
    assertThat(g.companyIdForName("Presight AI Holding PLC")).contains("presight");
    assertThat(g.companyIdForName("Group 42")).contains("g42");
    assertThat(g.companyIdForName("Russian Technologies State Corporation")).contains("rostec");
    assertThat(g.companyIdForName("Rostekh")).contains("rostec");
    assertThat(g.companyIdForName("Grupo Seguritech")).contains("seguritech");
    assertThat(g.companyIdForName("Larsen and Toubro")).contains("larsen-toubro");
    String text = "Rostelekom and G42 signed; dark matter was not a company.";
    List<String> spans =
        g.mentions(text).stream()
            .filter(m -> m.kind() == Gazetteer.Kind.COMPANY)
            .map(m -> text.substring(m.start(), m.end()))
            .toList();
    assertThat(spans).containsExactly("Rostelekom", "G42");
  }

  @Test
  void mentionsAreLeftmostLongestWholeWords() {
    Gazetteer g = fromFixtures();
    String text = "Acme Vision installed cameras in Nairobi; Huaweis and Kenyans were there.";
    List<Mention> mentions = g.mentions(text);
    List<String> spans =
        mentions.stream().map(m -> m.kind() + ":" + text.substring(m.start(), m.end())).toList();
    assertThat(spans)
        .contains("COMPANY:Acme Vision", "CITY:Nairobi", "DEMONYM:Kenyans")
        .doesNotContain("COMPANY:Huawei");
    for (int i = 1; i < mentions.size(); i++) {
      assertThat(mentions.get(i).start()).isGreaterThanOrEqualTo(mentions.get(i - 1).start());
    }
  }

  @Test
  void shortCapitalNamesMatchOnlyInCapitals() {
    Gazetteer g = fromFixtures();
    assertThat(g.mentions("let us go").stream().map(Mention::kind))
        .doesNotContain(Gazetteer.Kind.COUNTRY);
    assertThat(g.mentions("the US police").stream().map(Mention::kind))
        .contains(Gazetteer.Kind.COUNTRY);
  }

  @Test
  void placesOnlyForCountriesTheKnowledgeBaseHas() {
    Gazetteer g = fromFixtures();
    assertThat(g.mentions("Officials in Belgrade").stream().map(Mention::kind))
        .doesNotContain(Gazetteer.Kind.CITY);
    assertThat(g.mentions("Officials in Nairobi").stream().map(Mention::kind))
        .contains(Gazetteer.Kind.CITY);
  }
}
