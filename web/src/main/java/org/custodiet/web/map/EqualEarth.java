package org.custodiet.web.map;

/**
 * The Equal Earth projection (Šavrič, Patterson and Jenny, 2018): equal-area, so that large
 * countries do not dominate the map the way they do on Mercator. Output is in unit-sphere
 * coordinates with y pointing north.
 */
final class EqualEarth {
  private static final double A1 = 1.340264;
  private static final double A2 = -0.081106;
  private static final double A3 = 0.000893;
  private static final double A4 = 0.003796;
  private static final double M = Math.sqrt(3) / 2;

  private EqualEarth() {}

  /** Projects longitude and latitude in degrees; returns {x, y}. */
  static double[] project(double longitude, double latitude) {
    double lambda = Math.toRadians(longitude);
    double theta = Math.asin(M * Math.sin(Math.toRadians(latitude)));
    double t2 = theta * theta;
    double t6 = t2 * t2 * t2;
    double x = lambda * Math.cos(theta) / (M * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)));
    double y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2));
    return new double[] {x, y};
  }
}
