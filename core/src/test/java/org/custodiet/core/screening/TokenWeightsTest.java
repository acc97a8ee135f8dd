package org.custodiet.core.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenWeightsTest {
  @Test
  void genericWordsWeighLittleEvenWithoutAList() {
    TokenWeights none = new TokenWeights(Map.of(), 0);
    assertThat(none.weight("technology")).isLessThan(0.2);
    assertThat(none.weight("china")).isLessThan(0.5);
    assertThat(none.weight("hikvision")).isEqualTo(1.0);
  }

  @Test
  void aLargeListMakesItsCommonWordsLight() {
    TokenWeights list = new TokenWeights(Map.of("tiger", 20_000, "zorbex", 1), 100_000);
    assertThat(list.weight("tiger")).isLessThan(0.35);
    assertThat(list.weight("zorbex")).isGreaterThan(0.9);
    assertThat(list.weight("unseen")).isGreaterThan(list.weight("zorbex"));
  }

  @Test
  void aSmallListIsTrustedLittle() {
    TokenWeights small = new TokenWeights(Map.of("tiger", 50), 100);
    assertThat(small.weight("tiger")).isGreaterThan(0.9);
  }
}
