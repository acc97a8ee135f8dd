package org.custodiet.store.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes one workbook with a sheet per dataset and a "licence" sheet. Header rows are bold and
 * frozen, dates are date cells, numbers are number cells, lists are joined with spaces. Text is
 * written as text cells, which spreadsheets never evaluate, so no formula guard is needed here.
 */
public final class XlsxExport {
  /** The most characters a spreadsheet cell holds. */
  static final int MAX_CELL_TEXT = 32_767;

  static final String LICENCE_SHEET = "licence";
  private static final String DATE_FORMAT = "yyyy-mm-dd";
  private static final int FLUSH_EVERY = 1_000;

  private XlsxExport() {}

  /** Writes the workbook; returns the rows written per dataset. The stream is not closed. */
  public static Map<ExportDataset, Integer> write(
      ExportData data, List<ExportDataset> datasets, OutputStream out) throws IOException {
    Map<ExportDataset, Integer> counts = new LinkedHashMap<>();
    // finish() completes the zip without closing the caller's stream
    Workbook wb = new Workbook(out, "custodiet", "1.0");
    for (ExportDataset d : datasets) {
      counts.put(d, writeSheet(wb.newWorksheet(d.code()), data.table(d)));
    }
    writeLicence(wb.newWorksheet(LICENCE_SHEET), data);
    wb.finish();
    return counts;
  }

  private static int writeSheet(Worksheet ws, Table table) throws IOException {
    List<Column> columns = table.columns();
    for (int c = 0; c < columns.size(); c++) {
      ws.value(0, c, columns.get(c).name());
      ws.style(0, c).bold().fillColor("D9D9D9").set();
      ws.width(c, Math.max(12, columns.get(c).name().length() + 4));
    }
    ws.freezePane(0, 1);
    int r = 0;
    try (Stream<Object[]> rows = table.rows().get()) {
      Iterator<Object[]> it = rows.iterator();
      while (it.hasNext()) {
        r++;
        Object[] row = it.next();
        for (int c = 0; c < columns.size(); c++) {
          cell(ws, r, c, columns.get(c), row[c]);
        }
        if (r % FLUSH_EVERY == 0) {
          ws.flush();
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    ws.finish();
    return r;
  }

  private static void cell(Worksheet ws, int r, int c, Column column, Object value) {
    if (value == null) {
      return;
    }
    switch (column.type()) {
      case TEXT -> ws.value(r, c, fit((String) value));
      case LIST -> {
        @SuppressWarnings("unchecked")
        List<String> items = (List<String>) value;
        ws.value(r, c, fit(String.join(" ", items)));
      }
      case INTEGER -> ws.value(r, c, (Integer) value);
      case DECIMAL -> ws.value(r, c, (BigDecimal) value);
      case BOOLEAN -> ws.value(r, c, (Boolean) value);
      case DATE -> {
        ws.value(r, c, (LocalDate) value);
        ws.style(r, c).format(DATE_FORMAT).set();
      }
    }
  }

  /**
   * Text as it fits in a cell: longer text is cut and says so, pointing to the CSV and JSON exports
   * that hold it whole (only very long lists, such as all claims behind a figure, come near).
   */
  static String fit(String text) {
    if (text.length() <= MAX_CELL_TEXT) {
      return text;
    }
    String marker = " [cut: " + text.length() + " characters; the CSV and JSON exports are whole]";
    return text.substring(0, MAX_CELL_TEXT - marker.length()) + marker;
  }

  private static void writeLicence(Worksheet ws, ExportData data) throws IOException {
    ws.width(0, 24);
    ws.width(1, 20);
    ws.width(2, 100);
    int r = 0;
    ws.value(r, 0, "custodiet data export");
    ws.style(r, 0).bold().set();
    r++;
    ws.value(r, 0, "format");
    ws.value(r++, 1, ExportData.FORMAT);
    ws.value(r, 0, "as_of");
    ws.value(r, 1, data.asOf());
    ws.style(r++, 1).format(DATE_FORMAT).set();
    ws.value(r, 0, "source");
    ws.value(r++, 1, data.scope());
    ws.value(r, 0, "rules_version");
    ws.value(r++, 1, data.rulesVersion());
    r++;
    Licence licence = data.licence();
    ws.value(r, 0, "licence");
    ws.style(r, 0).bold().set();
    ws.value(r++, 1, licence.statement());
    r++;
    String[] header = {"source_id", "licence", "attribution"};
    for (int c = 0; c < header.length; c++) {
      ws.value(r, c, header[c]);
      ws.style(r, c).bold().fillColor("D9D9D9").set();
    }
    r++;
    for (Licence.Credit credit : licence.credits()) {
      ws.value(r, 0, credit.sourceId());
      ws.value(r, 1, credit.licence());
      ws.value(r, 2, credit.attribution());
      r++;
    }
    r++;
    for (String note : licence.notes()) {
      ws.value(r, 0, "note");
      ws.value(r++, 1, note);
    }
    ws.finish();
  }
}
