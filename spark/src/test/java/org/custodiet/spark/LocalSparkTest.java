package org.custodiet.spark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LocalSparkTest {
  @Test
  void onThisMachineTheSessionRunsOnTheGivenMasterBoundToLoopback() {
    assertThat(LocalSpark.settings("local[2]", false))
        .containsEntry("spark.master", "local[2]")
        .containsEntry("spark.driver.bindAddress", "127.0.0.1")
        .containsEntry("spark.driver.host", "127.0.0.1")
        .containsEntry("spark.ui.enabled", "false");
  }

  @Test
  void underSparkSubmitNeitherTheMasterNorTheDriverAddressIsOverridden() {
    assertThat(LocalSpark.settings("local[*]", true))
        .doesNotContainKeys(
            "spark.master", "spark.driver.bindAddress", "spark.driver.host", "spark.ui.enabled");
  }

  @Test
  void theRunningTestSessionGotTheLocalSettings() {
    assertThat(SharedSpark.session().sparkContext().master()).isEqualTo("local[2]");
    assertThat(SharedSpark.session().conf().get("spark.driver.host")).isEqualTo("127.0.0.1");
  }
}
