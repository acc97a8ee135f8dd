package org.custodiet.core.rules;

/** What the coding rules make of a claim as of a date. */
public enum ClaimStatus {
  /** Corroborated enough to count in figures. */
  ESTABLISHED,
  /** Has evidence, but not enough to count. */
  REPORTED,
  /** A curator has disputed it; it does not count while disputed. */
  DISPUTED,
  /** A curator has retracted it; it stops counting from the retraction date. */
  RETRACTED,
  /** None of its evidence had been published by the as-of date. */
  NOT_YET_REPORTED;

  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
