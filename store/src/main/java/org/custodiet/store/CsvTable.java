package org.custodiet.store;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.custodiet.store.ImportException.Problem;
import org.custodiet.store.ImportException.Reason;

/**
 * A parsed RFC 4180 CSV file with a header row; each row remembers the line it starts on. The one
 * CSV reader of the store: claim imports and screening lists both parse through it, so they refuse
 * malformed files alike.
 */
public final class CsvTable {
  public record Row(long line, List<String> values) {}

  final String file;
  final List<String> header;
  final Map<String, Integer> index = new HashMap<>();
  final List<Row> rows = new ArrayList<>();

  private CsvTable(String file, List<String> header) {
    this.file = file;
    this.header = header;
    for (int i = 0; i < header.size(); i++) {
      index.put(header.get(i), i);
    }
  }

  static final CSVFormat FORMAT =
      CSVFormat.RFC4180
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
          .setIgnoreEmptyLines(true)
          .get();

  /** Parses the text; a malformed or truncated file throws at once (MALFORMED). */
  static CsvTable parse(TextFile f) {
    return read(f.name(), new StringReader(f.text()));
  }

  /**
   * Reads a whole CSV file named {@code file} from {@code reader}; a malformed, truncated or
   * undecodable file throws at once (MALFORMED), naming the line.
   */
  public static CsvTable read(String file, Reader reader) {
    CSVParser parser;
    try {
      parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
    } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
      throw malformed(file, 1, "cannot read the header row: " + ImportException.rootCause(e), e);
    }
    List<String> header = parser.getHeaderNames().stream().map(String::strip).toList();
    if (header.isEmpty()) {
      throw malformed(file, 1, "empty file: a header row is required", null);
    }
    CsvTable table = new CsvTable(file, header);
    Iterator<CSVRecord> it = parser.iterator();
    while (true) {
      long line = parser.getCurrentLineNumber() + 1;
      CSVRecord rec;
      try {
        if (!it.hasNext()) {
          break;
        }
        rec = it.next();
      } catch (UncheckedIOException | IllegalStateException e) {
        throw malformed(
            file,
            line,
            "malformed CSV in the row starting here (truncated file or unbalanced quote?): "
                + ImportException.rootCause(e),
            e);
      }
      if (rec.size() != header.size()) {
        throw malformed(
            file,
            line,
            "row has "
                + rec.size()
                + " fields but the header has "
                + header.size()
                + (rec.size() < header.size() ? " (truncated file?)" : ""),
            null);
      }
      table.rows.add(new Row(line, rec.toList()));
    }
    return table;
  }

  public List<String> header() {
    return header;
  }

  public List<Row> rows() {
    return rows;
  }

  private static ImportException malformed(String file, long line, String msg, Throwable cause) {
    ImportException e =
        new ImportException(Reason.MALFORMED, new Problem(file, line, 0, null, null, msg));
    if (cause != null) {
      e.initCause(cause);
    }
    return e;
  }

  /**
   * Checks the header: every required column present and, unless optional is null, no column
   * outside required and optional.
   */
  void requireColumns(Collection<String> required, Collection<String> optional, Problems p) {
    for (String c : required) {
      if (!index.containsKey(c)) {
        p.add(
            Reason.MALFORMED,
            new Problem(file, 1, 0, null, c, "required column is missing from the header"));
      }
    }
    for (String c : header) {
      if (optional != null && !required.contains(c) && !optional.contains(c)) {
        p.add(
            Reason.MALFORMED,
            new Problem(
                file,
                1,
                0,
                null,
                c,
                "unknown column (expected one of " + required + " " + optional + ")"));
      }
    }
    p.throwIfAny();
  }

  Fields fields(Row row, Problems p) {
    return new Fields.CsvFields(this, row, p);
  }
}
