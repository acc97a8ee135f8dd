package org.custodiet.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AccessLogTest {
  @Test
  void durations_print_as_milliseconds_with_two_decimals() {
    assertThat(AccessLog.millis(0)).isEqualTo("0.00");
    assertThat(AccessLog.millis(412_345)).isEqualTo("0.41");
    assertThat(AccessLog.millis(12_070_000)).isEqualTo("12.07");
    assertThat(AccessLog.millis(1_500_000_000L)).isEqualTo("1500.00");
  }

  @Test
  void paths_with_spaces_quotes_or_control_characters_are_quoted_and_escaped() {
    assertThat(AccessLog.quoted("/api/v1/figures")).isEqualTo("/api/v1/figures");
    assertThat(AccessLog.quoted("/a b")).isEqualTo("\"/a b\"");
    assertThat(AccessLog.quoted("/x\"\n")).isEqualTo("\"/x\\\"\\u000a\"");
  }
}
