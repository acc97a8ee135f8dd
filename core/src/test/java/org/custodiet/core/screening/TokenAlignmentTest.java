package org.custodiet.core.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenAlignmentTest {
  private final NamePreparer preparer =
      new NamePreparer(new NameNormaliser(), new LegalForms(), new TokenWeights(Map.of(), 0));

  private List<TokenAlignment.Kind> kinds(String a, String b, boolean person) {
    TokenAlignment alignment =
        TokenAlignment.align(preparer.prepare(a, person), preparer.prepare(b, person), person);
    return alignment.pairs.stream().map(TokenAlignment.Pair::kind).toList();
  }

  @Test
  void ignoresWordOrder() {
    assertThat(kinds("Putin Vladimir", "Vladimir Putin", true))
        .containsExactly(TokenAlignment.Kind.EXACT, TokenAlignment.Kind.EXACT);
  }

  @Test
  void joinsWordsWrittenApart() {
    assertThat(kinds("Hik Vision", "Hikvision", false))
        .containsExactly(TokenAlignment.Kind.COMPOUND);
    assertThat(kinds("Xi Jinping", "习近平", true)).containsExactly(TokenAlignment.Kind.COMPOUND);
  }

  @Test
  void toleratesTyposPluralsAndSoundAlikes() {
    assertThat(kinds("Hikvison", "Hikvision", false)).containsExactly(TokenAlignment.Kind.EDIT);
    assertThat(kinds("Kaspersky Labs", "Kaspersky Lab", false))
        .containsExactly(TokenAlignment.Kind.EXACT, TokenAlignment.Kind.EDIT);
    assertThat(kinds("Mohammed", "Muhammad", true)).containsExactly(TokenAlignment.Kind.PHONETIC);
  }

  @Test
  void readsCutWordsForOrganisationsAndInitialsForPersons() {
    assertThat(kinds("Kaspersky Laboratory", "Kaspersky Lab", false))
        .contains(TokenAlignment.Kind.PREFIX);
    assertThat(kinds("J. Smith", "John Smith", true)).contains(TokenAlignment.Kind.INITIAL);
    assertThat(kinds("J. Smith", "John Smith", false)).doesNotContain(TokenAlignment.Kind.INITIAL);
  }

  @Test
  void pairsEachTokenOnce() {
    assertThat(kinds("Wang Wang", "Wang", true)).hasSize(1);
    assertThat(kinds("China Telecom", "China Unicom", false))
        .containsExactly(TokenAlignment.Kind.EXACT);
  }
}
