package org.custodiet.core.screening;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EditDistanceTest {
  @Test
  void countsInsertionsDeletionsSubstitutionsAndSwaps() {
    assertThat(EditDistance.bounded("hikvison", "hikvision", 3)).isEqualTo(1);
    assertThat(EditDistance.bounded("huawie", "huawei", 3)).isEqualTo(1);
    assertThat(EditDistance.bounded("dahau", "dahua", 3)).isEqualTo(1);
    assertThat(EditDistance.bounded("kitten", "sitting", 5)).isEqualTo(3);
    assertThat(EditDistance.bounded("same", "same", 0)).isZero();
  }

  @Test
  void stopsAtTheBound() {
    assertThat(EditDistance.bounded("telecom", "unicom", 1)).isEqualTo(2);
    assertThat(EditDistance.bounded("a", "abcdef", 2)).isEqualTo(3);
  }

  @Test
  void allowsMoreEditsForLongerTokens() {
    assertThat(EditDistance.similarity("hikvison", "hikvision")).isCloseTo(8.0 / 9, within());
    assertThat(EditDistance.similarity("rosoboronexprot", "rosoboronexport")).isGreaterThan(0.8);
    assertThat(EditDistance.similarity("zte", "ztt")).isZero();
    assertThat(EditDistance.similarity("jing", "ming")).isZero();
    assertThat(EditDistance.similarity("lavie", "lavi")).isPositive();
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-9);
  }
}
