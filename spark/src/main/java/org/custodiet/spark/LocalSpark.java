package org.custodiet.spark;

import org.apache.spark.sql.SparkSession;

/** Spark sessions as the command and the tests start them on one machine. */
public final class LocalSpark {
  private LocalSpark() {}

  /**
   * A session on {@code master} (local[*], local[2], or a cluster URL when not run by spark-submit)
   * bound to the loopback interface, without the web UI. The SPARK_LOCAL_IP environment variable
   * should be 127.0.0.1 as well (the launcher sets it), since Spark reads it before any
   * configuration.
   */
  public static SparkSession start(String master, String appName) {
    SparkSession spark =
        SparkSession.builder()
            .master(master)
            .appName(appName)
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "8")
            .getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    return spark;
  }
}
