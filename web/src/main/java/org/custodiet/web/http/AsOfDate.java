package org.custodiet.web.http;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The one reading of an {@code as_of} parameter, shared by the API, the pages and the downloads, so
 * that the same address means the same date everywhere.
 */
public final class AsOfDate {
  /** Dates the index can meaningfully be asked about. */
  public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

  public static final LocalDate LATEST = LocalDate.of(2999, 12, 31);

  private AsOfDate() {}

  /** Today in UTC, so that the default date does not depend on the server's time zone. */
  public static LocalDate today() {
    return LocalDate.now(ZoneOffset.UTC);
  }

  /**
   * The date {@code text} names, or today when it is absent or empty.
   *
   * @throws IllegalArgumentException with a message for the user (without the parameter's name)
   *     when the text is not a real date of the form YYYY-MM-DD between EARLIEST and LATEST
   */
  public static LocalDate parse(String text) {
    if (text == null || text.isEmpty()) {
      return today();
    }
    if (text.length() != 10 || !text.matches("\\d{4}-\\d{2}-\\d{2}")) {
      throw new IllegalArgumentException(
          "'" + shorten(text) + "' is not a date of the form YYYY-MM-DD");
    }
    LocalDate date;
    try {
      date = LocalDate.parse(text);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("'" + text + "' is not a real date");
    }
    if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
      throw new IllegalArgumentException("'" + text + "' is outside " + EARLIEST + " to " + LATEST);
    }
    return date;
  }

  private static String shorten(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "…";
  }
}
