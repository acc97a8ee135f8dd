package org.custodiet.core.index;

import java.util.List;
import org.custodiet.core.model.Claim;
import org.custodiet.core.model.Evidence;
import org.custodiet.core.model.Source;
import org.custodiet.core.rules.ClaimStatus;

/** A claim as the rules see it on a date, with its evidence and their sources. */
public record ClaimView(
    Claim claim, ClaimStatus status, boolean counts, List<SourcedEvidence> evidence) {
  public ClaimView {
    evidence = List.copyOf(evidence);
  }

  /** One piece of evidence and the source it cites. */
  public record SourcedEvidence(Evidence evidence, Source source) {}
}
