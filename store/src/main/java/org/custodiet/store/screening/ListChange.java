package org.custodiet.store.screening;

import java.time.LocalDate;
import java.util.Locale;

/** What one version did to one entry. */
public record ListChange(
    long versionId, LocalDate versionDate, String entryId, Kind kind, String name) {
  public enum Kind {
    ADDED,
    REMOVED,
    CHANGED;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
