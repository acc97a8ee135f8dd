package org.custodiet.store.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes one table as RFC 4180 CSV in UTF-8 with a header row. Lists are joined with single spaces
 * (ids and addresses never contain one). Text that a spreadsheet would run as a formula is defused
 * with a leading apostrophe.
 */
public final class CsvExport {
  private CsvExport() {}

  /** Writes the table; returns the number of rows written. The stream is flushed, not closed. */
  public static int write(Table table, OutputStream out) throws IOException {
    BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    CSVFormat format =
        CSVFormat.RFC4180.builder().setHeader(table.columnNames().toArray(String[]::new)).get();
    CSVPrinter printer = new CSVPrinter(w, format);
    int rows = 0;
    String[] cells = new String[table.columns().size()];
    try (Stream<Object[]> stream = table.rows().get()) {
      Iterator<Object[]> it = stream.iterator();
      while (it.hasNext()) {
        Object[] row = it.next();
        for (int i = 0; i < cells.length; i++) {
          cells[i] = cell(table.columns().get(i), row[i]);
        }
        printer.printRecord((Object[]) cells);
        rows++;
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    printer.flush();
    return rows;
  }

  static String cell(Column column, Object value) {
    if (value == null) {
      return "";
    }
    return switch (column.type()) {
      case TEXT -> guard((String) value);
      case LIST -> {
        @SuppressWarnings("unchecked")
        List<String> items = (List<String>) value;
        yield guard(String.join(" ", items));
      }
      case DECIMAL -> ((BigDecimal) value).toPlainString();
      case INTEGER, DATE, BOOLEAN -> value.toString();
    };
  }

  /**
   * Prefixes an apostrophe to text starting with a character that makes spreadsheets treat a cell
   * as a formula (= + - @, tab, carriage return), so that opening the file never runs data as code.
   * Text that already starts with apostrophes before such a character gets one more, so that {@link
   * #unguard} restores every value exactly.
   */
  public static String guard(String text) {
    return needsGuard(text) ? "'" + text : text;
  }

  /** The value {@link #guard} was given. */
  public static String unguard(String cell) {
    return cell.startsWith("'") && needsGuard(cell.substring(1)) ? cell.substring(1) : cell;
  }

  private static boolean needsGuard(String text) {
    int i = 0;
    while (i < text.length() && text.charAt(i) == '\'') {
      i++;
    }
    if (i == text.length()) {
      return false;
    }
    char c = text.charAt(i);
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
  }
}
