package org.custodiet.core.screening;

/**
 * Legal forms say little about identity (a group's Ltd and its GmbH are different companies with
 * one name), so they never take part in the token score. When both names carry one, the same class
 * (Ltd = Limited = 有限公司) adds {@link #AGREE}, different classes (GmbH against Inc) subtract {@link
 * #DIFFER}; one-sided forms count for nothing.
 */
final class LegalFormFeature {
  static final double AGREE = 0.02;
  static final double DIFFER = -0.05;

  private LegalFormFeature() {}

  static double contribution(PreparedName a, PreparedName b) {
    if (a.legalClasses.isEmpty() || b.legalClasses.isEmpty()) {
      return 0;
    }
    // a class or two per name: a scan beats building a set for every scored pair
    for (String legalClass : a.legalClasses) {
      if (b.legalClasses.contains(legalClass)) {
        return AGREE;
      }
    }
    return DIFFER;
  }
}
