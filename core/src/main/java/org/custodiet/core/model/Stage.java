package org.custodiet.core.model;

/** How far a deployment had gone according to the evidence. */
public enum Stage {
  /** Signed, awarded, approved or agreed (MoUs included). */
  CONTRACTED,
  /** In operation. */
  DEPLOYED,
  /** A pilot, test or free trial; trials do not count in headline figures. */
  TRIAL,
  /** The source states use without saying how far it had gone (dataset rows). */
  UNSPECIFIED
}
