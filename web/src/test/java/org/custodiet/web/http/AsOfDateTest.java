package org.custodiet.web.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AsOfDateTest {
  @ParameterizedTest
  @NullAndEmptySource
  void absentMeansTodayInUtc(String text) {
    assertThat(AsOfDate.parse(text)).isEqualTo(AsOfDate.today());
  }

  @ParameterizedTest
  @ValueSource(strings = {"2022-03-09", "1900-01-01", "2999-12-31"})
  void realDatesInRangeAreRead(String text) {
    assertThat(AsOfDate.parse(text)).isEqualTo(LocalDate.parse(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"yesterday", "2026-1-1", "2026-11-27T00:00", "+2026-11-27", "٢٠٢٦-١١-٢٧"})
  void otherShapesAreRefused(String text) {
    assertThatThrownBy(() -> AsOfDate.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("YYYY-MM-DD");
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-02-30", "2026-13-01"})
  void impossibleDatesAreRefused(String text) {
    assertThatThrownBy(() -> AsOfDate.parse(text)).hasMessageContaining("not a real date");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1899-12-31", "3000-01-01"})
  void datesOutsideTheRangeAreRefused(String text) {
    assertThatThrownBy(() -> AsOfDate.parse(text)).hasMessageContaining("is outside");
  }
}
