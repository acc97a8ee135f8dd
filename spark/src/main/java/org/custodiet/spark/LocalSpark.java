package org.custodiet.spark;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/** Spark sessions as the command and the tests start them, on one machine or under spark-submit. */
public final class LocalSpark {
  private LocalSpark() {}

  /**
   * A session on {@code master} (local[*], local[2], or a cluster URL) bound to the loopback
   * interface, without the web UI; the SPARK_LOCAL_IP environment variable should be 127.0.0.1 as
   * well (the launcher sets it), since Spark reads it before any configuration. Under spark-submit
   * the session takes spark-submit's master and addresses instead.
   */
  public static SparkSession start(String master, String appName) {
    SparkSession.Builder builder = SparkSession.builder().appName(appName);
    settings(master, System.getProperty("spark.master") != null).forEach(builder::config);
    SparkSession spark = builder.getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    return spark;
  }

  /**
   * The settings the job gives its session. spark-submit passes its own master to the driver as the
   * system property {@code spark.master}; settings made here would override it, and a driver bound
   * to the loopback interface would be out of the executors' reach, so under spark-submit only the
   * settings that hold everywhere are made.
   */
  static Map<String, String> settings(String master, boolean launchedBySparkSubmit) {
    Map<String, String> settings = new LinkedHashMap<>();
    if (!launchedBySparkSubmit) {
      settings.put("spark.master", master);
      settings.put("spark.driver.bindAddress", "127.0.0.1");
      settings.put("spark.driver.host", "127.0.0.1");
      settings.put("spark.ui.enabled", "false");
      settings.put("spark.sql.shuffle.partitions", "8");
    }
    return settings;
  }
}
