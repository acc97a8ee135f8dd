package org.custodiet.core.screening;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameNormaliserTest {
  private final NameNormaliser normaliser = new NameNormaliser();

  @Test
  void lowerCasesAndSplitsAtPunctuation() {
    assertThat(normaliser.normalise("Hangzhou Hikvision Digital-Technology, Co.").tokens())
        .containsExactly("hangzhou", "hikvision", "digital", "technology", "co");
  }

  @Test
  void foldsDiacriticsAndSpecialLatinLetters() {
    assertThat(normaliser.normalise("Müller Straße Łódź Øresund").tokens())
        .containsExactly("muller", "strasse", "lodz", "oresund");
  }

  @Test
  void transliteratesCyrillicCloseToEnglishSpelling() {
    assertThat(normaliser.normalise("ООО «Яндекс»").tokens()).containsExactly("ooo", "yandeks");
    assertThat(normaliser.normalise("Евгений Касперский").tokens())
        .containsExactly("yevgeniy", "kasperskiy");
  }

  @Test
  void cutsChineseAtGenericWordsAndJoinsTheBrandSyllables() {
    assertThat(normaliser.normalise("杭州海康威视数字技术股份有限公司").tokens())
        .containsExactly(
            "hangzhou", "haikangweishi", "digital", "technology", "gufenyouxiangongsi");
    assertThat(normaliser.normalise("海康威视").tokens()).containsExactly("haikangweishi");
  }

  @Test
  void joinsDottedAbbreviationsAndApostrophes() {
    assertThat(normaliser.normalise("Thales S.A.").tokens()).containsExactly("thales", "sa");
    assertThat(normaliser.normalise("O'Brien Int'l").tokens())
        .containsExactly("obrien", "international");
  }

  @Test
  void readsAmpersandAsAndAndDropsConnectingWords() {
    assertThat(normaliser.normalise("Bank of China & the Partners").tokens())
        .containsExactly("bank", "china", "partner");
  }

  @Test
  void turnsControlAndInvisibleCharactersIntoSpaces() {
    assertThat(normaliser.normalise("Hik\u0000vision\u200B Ltd\t\n").tokens())
        .containsExactly("hik", "vision", "ltd");
  }

  @Test
  void capsVeryLongNamesAndSaysSo() {
    NameNormaliser.Normalised cut = normaliser.normalise("ab ".repeat(3_400));
    assertThat(cut.truncated()).isTrue();
    assertThat(cut.original()).hasSize(NameNormaliser.MAX_NAME_CHARS);
    assertThat(cut.tokens()).hasSize(NameNormaliser.MAX_TOKENS);
    assertThat(normaliser.normalise("Hikvision").truncated()).isFalse();
  }

  @Test
  void emptyAndSymbolOnlyNamesHaveNoTokens() {
    assertThat(normaliser.normalise("").tokens()).isEmpty();
    assertThat(normaliser.normalise(null).tokens()).isEmpty();
    assertThat(normaliser.normalise(" -- ** ").tokens()).isEmpty();
  }

  @Test
  void makesGenericPluralsSingularAndExpandsAbbreviations() {
    assertThat(normaliser.normalise("Uniview Technologies Intl Systems").tokens())
        .containsExactly("uniview", "technology", "international", "system");
    // only generic words lose their s: a brand keeps it
    assertThat(normaliser.normalise("Siemens").tokens()).containsExactly("siemens");
  }
}
