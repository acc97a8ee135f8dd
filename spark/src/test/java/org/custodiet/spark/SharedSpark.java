package org.custodiet.spark;

import org.apache.spark.sql.SparkSession;

/**
 * One local[2] Spark session for all of the module's tests (they run in one JVM), since starting
 * one takes seconds; stopped when the JVM exits.
 */
final class SharedSpark {
  private static SparkSession session;

  private SharedSpark() {}

  static synchronized SparkSession session() {
    if (session == null) {
      session = LocalSpark.start("local[2]", "custodiet-test");
      SparkSession started = session;
      Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "spark-stop"));
    }
    return session;
  }
}
