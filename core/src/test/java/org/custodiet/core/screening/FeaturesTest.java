package org.custodiet.core.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The small features that add to or subtract from the token score, each on its own. */
class FeaturesTest {
  private final NamePreparer preparer =
      new NamePreparer(new NameNormaliser(), new LegalForms(), new TokenWeights(Map.of(), 0));

  private PreparedName org(String name) {
    return preparer.prepare(name, false);
  }

  @Test
  void acronymSpellsInitialsIncludingALegalForm() {
    assertThat(AcronymFeature.spells(org("ZTE"), org("Zhongxing Telecommunication Equipment")))
        .isTrue();
    assertThat(
            AcronymFeature.spells(
                org("SMIC"), org("Semiconductor Manufacturing International Corporation")))
        .isTrue();
    assertThat(AcronymFeature.spells(org("ZTE"), org("Zhongxing Telecom"))).isFalse();
    assertThat(AcronymFeature.spells(org("IB"), org("International Business"))).isFalse();
    assertThat(
            AcronymFeature.contribution(
                org("ZTE"), org("Zhongxing Telecommunication Equipment"), 0.1))
        .isCloseTo(AcronymFeature.SCORE - 0.1, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void legalFormAddsOrSubtractsALittle() {
    assertThat(LegalFormFeature.contribution(org("Siemens AG"), org("Siemens Aktiengesellschaft")))
        .isEqualTo(LegalFormFeature.AGREE);
    assertThat(LegalFormFeature.contribution(org("Acme GmbH"), org("Acme Inc")))
        .isEqualTo(LegalFormFeature.DIFFER);
    assertThat(LegalFormFeature.contribution(org("Acme GmbH"), org("Acme"))).isZero();
    assertThat(Math.abs(LegalFormFeature.DIFFER)).isLessThan(0.1);
  }

  @Test
  void differentNumbersSubtract() {
    assertThat(NumberFeature.contribution(org("Institute 27"), org("Institute 14")))
        .isEqualTo(NumberFeature.DIFFER);
    assertThat(NumberFeature.contribution(org("Institute 027"), org("Institute 27"))).isZero();
    assertThat(NumberFeature.contribution(org("Institute 27"), org("Institute"))).isZero();
  }

  @Test
  void personsSharingOnlyASurnameAreHeldBelowTheThreshold() {
    PreparedName smith = preparer.prepare("Smith", true);
    PreparedName johnSmith = preparer.prepare("John Smith", true);
    TokenAlignment alignment = TokenAlignment.align(smith, johnSmith, true);
    assertThat(PersonNameFeature.contribution(alignment, smith, johnSmith, 0.83))
        .isCloseTo(PersonNameFeature.CAP - 0.83, org.assertj.core.data.Offset.offset(1e-9));
    PreparedName putin = preparer.prepare("Putin Vladimir", true);
    PreparedName vladimirPutin = preparer.prepare("Vladimir Vladimirovich Putin", true);
    assertThat(
            PersonNameFeature.contribution(
                TokenAlignment.align(putin, vladimirPutin, true), putin, vladimirPutin, 0.9))
        .isZero();
    assertThat(PersonNameFeature.CAP).isLessThan(Matcher.DEFAULT_THRESHOLD);
  }

  @Test
  void countriesAgreeOrDiffer() {
    assertThat(CountryFeature.evaluate(Set.of("CHN"), Set.of("CHN", "HKG")).contribution())
        .isEqualTo(CountryFeature.AGREE);
    assertThat(CountryFeature.evaluate(Set.of("RUS"), Set.of("CHN")).contribution())
        .isEqualTo(CountryFeature.DIFFER);
    assertThat(CountryFeature.evaluate(Set.of(), Set.of("CHN"))).isNull();
  }
}
