package org.custodiet.core.model;

import java.time.LocalDate;
import java.util.Objects;

/** A curator's judgement that a claim is disputed or retracted, effective from a date. */
public record CuratorFlag(String claimId, Kind kind, LocalDate effective, String reason) {
  public CuratorFlag {
    Objects.requireNonNull(claimId, "flag claim id");
    Objects.requireNonNull(kind, "flag kind");
    Objects.requireNonNull(effective, "flag of claim " + claimId + ": effective date");
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("flag of claim " + claimId + ": a reason is required");
    }
  }

  public enum Kind {
    DISPUTED,
    RETRACTED
  }
}
