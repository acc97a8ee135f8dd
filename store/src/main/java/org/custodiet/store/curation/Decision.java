package org.custodiet.store.curation;

import java.util.List;

/**
 * What one committed decision did.
 *
 * @param action the decision-log action code ("accept", "reject", "merge", "dispute", ...)
 * @param subjectType "candidate" or "claim"
 * @param claims the claims the decision created, corroborated, flagged or edited
 * @param createdClaims of those, the claims it created
 * @param sourceId the source the evidence cites (accept and merge), else null
 * @param alsoDecided other candidates decided with it: pending copies of a rejected span, or
 *     candidates merged earlier into an accepted one
 * @param auditSeq the number of the decision-log entry written with it
 */
public record Decision(
    String action,
    String subjectType,
    String subjectId,
    List<String> claims,
    List<String> createdClaims,
    String sourceId,
    List<Long> alsoDecided,
    long auditSeq) {
  public Decision {
    claims = List.copyOf(claims);
    createdClaims = List.copyOf(createdClaims);
    alsoDecided = List.copyOf(alsoDecided);
  }
}
