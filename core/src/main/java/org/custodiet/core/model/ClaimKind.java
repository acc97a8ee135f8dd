package org.custodiet.core.model;

/** The three things a claim can say. */
public enum ClaimKind {
  /** Country C uses technology T. */
  USES,
  /** Supplier S (a named company, or only a country of origin) supplies country C. */
  SUPPLIES,
  /** Lender L finances a deployment in country C. */
  FINANCES
}
