package org.custodiet.core.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Links a claim to a source: the curator's own-words summary, where in the source it is stated
 * ({@code locator}: a row, a page, or a character span for extracted text), and when it was
 * recorded here, which dates evidence whose source carries no publication date.
 */
public record Evidence(
    String claimId, String sourceId, String summary, String locator, LocalDate recorded) {
  public Evidence {
    Objects.requireNonNull(claimId, "evidence claim id");
    Objects.requireNonNull(sourceId, "evidence of claim " + claimId + ": source");
    Objects.requireNonNull(recorded, "evidence of claim " + claimId + ": recorded date");
  }
}
