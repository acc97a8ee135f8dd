package org.custodiet.core.model;

import java.time.LocalDate;

/**
 * When a claim holds. Either end may be open (null): an open start means "since before we know".
 */
public record Period(LocalDate from, LocalDate to) {
  public static final Period OPEN = new Period(null, null);

  public Period {
    if (from != null && to != null && to.isBefore(from)) {
      throw new IllegalArgumentException(
          "period ends (" + to + ") before it starts (" + from + ")");
    }
  }

  public boolean contains(LocalDate date) {
    return (from == null || !date.isBefore(from)) && (to == null || !date.isAfter(to));
  }
}
