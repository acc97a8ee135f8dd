package org.custodiet.core.model;

/** Source tiers of the methodology; see {@code CodingRules} for what each one is worth. */
public enum SourceTier {
  /** Official or primary: government or company documents, procurement, courts, a dataset. */
  A,
  /** Established news organisations and NGO reports. */
  B,
  /** Everything else. */
  C
}
