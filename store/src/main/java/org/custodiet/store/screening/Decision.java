package org.custodiet.store.screening;

import java.time.Instant;
import java.util.Locale;

/**
 * A reviewer's verdict on one hit: the query name (as typed, and as the matcher normalises it,
 * which is what later queries are compared by), the entry, the verdict, why, who and when.
 */
public record Decision(
    long id,
    String queryKey,
    String queryName,
    String listId,
    String entryId,
    Verdict verdict,
    String reason,
    String actor,
    Instant decidedAt) {

  public enum Verdict {
    /** Not the listed party: the hit is dismissed whenever the same pair comes up again. */
    FALSE_POSITIVE,
    /** The listed party: the hit is marked as confirmed. */
    CONFIRMED;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Verdict ofCode(String code) {
      for (Verdict v : values()) {
        if (v.code().equals(code)) {
          return v;
        }
      }
      throw new IllegalArgumentException(
          "unknown verdict '" + code + "': use false_positive or confirmed");
    }
  }
}
