package org.custodiet.core.screening;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneticKeyTest {
  @Test
  void transliterationVariantsShareAKey() {
    assertThat(PhoneticKey.of("mohammed")).isEqualTo(PhoneticKey.of("muhammad"));
    assertThat(PhoneticKey.of("aleksandr")).isEqualTo(PhoneticKey.of("alexander"));
    assertThat(PhoneticKey.of("yevgeniy")).isEqualTo(PhoneticKey.of("evgeny"));
    assertThat(PhoneticKey.of("gaddafi")).isEqualTo(PhoneticKey.of("qadhafi"));
    assertThat(PhoneticKey.of("megafon")).isEqualTo(PhoneticKey.of("megaphone"));
  }

  @Test
  void differentNamesKeepDifferentKeys() {
    assertThat(PhoneticKey.of("telecom")).isNotEqualTo(PhoneticKey.of("unicom"));
    assertThat(PhoneticKey.of("hikvision")).isNotEqualTo(PhoneticKey.of("hikrobot"));
    assertThat(PhoneticKey.of("putin")).isNotEqualTo(PhoneticKey.of("potanin"));
  }

  @Test
  void keepsTheWholeWord() {
    assertThat(PhoneticKey.of("rosoboronexport")).hasSizeGreaterThan(6);
  }
}
