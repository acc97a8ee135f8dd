package org.custodiet.app;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.custodiet.core.index.IndexQuery;
import picocli.CommandLine.Option;

/** As-of date and source selection shared by the commands that compute figures. */
final class IndexOptions {
  @Option(
      names = "--as-of",
      paramLabel = "DATE",
      description = "Compute as of this date, YYYY-MM-DD (default: today).")
  String asOf;

  @Option(
      names = "--source",
      paramLabel = "ID",
      description =
          "Count only what this source says, e.g. aigs-2022 or aigs-v1 (default: every"
              + " established claim, the living index).")
  String source;

  IndexQuery query() {
    LocalDate date;
    try {
      date = asOf == null ? LocalDate.now() : LocalDate.parse(asOf);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "--as-of: '" + asOf + "' is not a real date of the form YYYY-MM-DD");
    }
    return new IndexQuery(date, source);
  }
}
