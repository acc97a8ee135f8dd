package org.custodiet.core.model;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A publication date known to the day, the month or only the year. Sources often give only a year;
 * {@link #knownBy()} is the last day on which the document had certainly been published.
 */
public record PublicationDate(LocalDate start, Precision precision) {

  public enum Precision {
    DAY,
    MONTH,
    YEAR
  }

  /** Parses YYYY, YYYY-MM or YYYY-MM-DD; anything else, including impossible dates, fails. */
  public static PublicationDate parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("date is missing");
    }
    String t = text.strip();
    try {
      if (t.matches("\\d{4}")) {
        return new PublicationDate(LocalDate.of(Integer.parseInt(t), 1, 1), Precision.YEAR);
      }
      if (t.matches("\\d{4}-\\d{2}")) {
        return new PublicationDate(YearMonth.parse(t).atDay(1), Precision.MONTH);
      }
      if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
        return new PublicationDate(LocalDate.parse(t), Precision.DAY);
      }
    } catch (java.time.DateTimeException e) {
      throw new IllegalArgumentException("'" + text + "' is not a real date", e);
    }
    throw new IllegalArgumentException(
        "'" + text + "' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD");
  }

  public LocalDate knownBy() {
    return switch (precision) {
      case DAY -> start;
      case MONTH -> YearMonth.from(start).atEndOfMonth();
      case YEAR -> start.withDayOfYear(start.lengthOfYear());
    };
  }

  @Override
  public String toString() {
    return switch (precision) {
      case DAY -> start.toString();
      case MONTH -> YearMonth.from(start).toString();
      case YEAR -> Integer.toString(start.getYear());
    };
  }
}
