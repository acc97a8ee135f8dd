package org.custodiet.core.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LegalFormsTest {
  private final LegalForms forms = new LegalForms();
  private final NameNormaliser normaliser = new NameNormaliser();

  private LegalForms.Stripped strip(String name) {
    return forms.strip(normaliser.normalise(name).tokens());
  }

  @Test
  void stripsFormsAtTheEndLongestFirst() {
    LegalForms.Stripped stripped = strip("Hangzhou Hikvision Digital Technology Co., Ltd.");
    assertThat(stripped.tokens()).containsExactly("hangzhou", "hikvision", "digital", "technology");
    assertThat(stripped.forms()).containsExactly("co ltd");
    assertThat(stripped.classes()).containsExactly("ltd");
  }

  @Test
  void stripsFormsAtTheStartAsRussianAndIndonesianNamesPlaceThem() {
    assertThat(strip("ПАО «Ростелеком»").tokens()).containsExactly("rostelekom");
    assertThat(strip("PT Telkom Indonesia Tbk").tokens()).containsExactly("telkom", "indonesia");
  }

  @Test
  void germanFormsOfOneClassAreEquivalent() {
    assertThat(strip("Siemens AG").classes())
        .isEqualTo(strip("Siemens Aktiengesellschaft").classes());
    assertThat(strip("Bosch GmbH & Co. KG").tokens()).containsExactly("bosch");
  }

  @Test
  void stripsChineseForms() {
    assertThat(strip("华为技术有限公司").tokens()).containsExactly("huawei", "technology");
  }

  @Test
  void keepsANameMadeOnlyOfLegalForms() {
    assertThat(strip("Co., Ltd.").tokens()).containsExactly("co", "ltd");
    assertThat(forms.onlyLegalForms(List.of("co", "ltd"))).isTrue();
    assertThat(forms.onlyLegalForms(List.of("hikvision", "ltd"))).isFalse();
  }

  @Test
  void leavesLegalWordsInsideTheName() {
    assertThat(strip("Limited Brands Company").tokens()).containsExactly("limited", "brands");
  }
}
