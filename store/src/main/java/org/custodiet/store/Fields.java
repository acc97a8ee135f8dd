package org.custodiet.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Named values of one record (a CSV row or a JSON object) that know where they are, so that a
 * problem with a field names the file, line and field (and JSON pointer).
 */
abstract class Fields {
  final String file;
  final long line;
  final Problems problems;

  Fields(String file, long line, Problems problems) {
    this.file = file;
    this.line = line;
    this.problems = problems;
  }

  /** The stripped value of a field, or null when absent or blank. */
  abstract String get(String name);

  /** How the field is called in this file (CSV columns may carry a prefix). */
  String fieldName(String name) {
    return name;
  }

  String pointer(String name) {
    return null;
  }

  void invalid(String name, String message) {
    problems.invalid(file, line, pointer(name), fieldName(name), message);
  }

  void conflict(String name, String message) {
    problems.conflict(file, line, pointer(name), fieldName(name), message);
  }

  String location() {
    return file + ":" + line;
  }

  static String clean(String v) {
    if (v == null) {
      return null;
    }
    String s = v.strip();
    return s.isEmpty() ? null : s;
  }

  /** One CSV row; a column prefix maps logical names ("url") to columns ("source_url"). */
  static final class CsvFields extends Fields {
    private final CsvTable table;
    private final CsvTable.Row row;
    private final Map<String, String> columns;

    CsvFields(CsvTable table, CsvTable.Row row, Problems p) {
      this(table, row, p, Map.of());
    }

    private CsvFields(CsvTable table, CsvTable.Row row, Problems p, Map<String, String> columns) {
      super(table.file, row.line(), p);
      this.table = table;
      this.row = row;
      this.columns = columns;
    }

    /** A view whose logical names are mapped to columns by the given map (others unchanged). */
    CsvFields mapped(Map<String, String> columns) {
      return new CsvFields(table, row, problems, columns);
    }

    @Override
    String fieldName(String name) {
      return columns.getOrDefault(name, name);
    }

    @Override
    String get(String name) {
      Integer i = table.index.get(fieldName(name));
      return i == null ? null : clean(row.values().get(i));
    }
  }

  /** One JSON object, located by the line of its opening brace and its JSON pointer. */
  static final class JsonFields extends Fields {
    private final ObjectNode node;
    private final String base;

    JsonFields(
        String file, long line, String base, ObjectNode node, Set<String> allowed, Problems p) {
      super(file, line, p);
      this.node = node;
      this.base = base;
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        String name = it.next();
        if (!allowed.contains(name)) {
          invalid(name, "unknown field (expected one of " + allowed + ")");
        }
      }
    }

    ObjectNode node() {
      return node;
    }

    String base() {
      return base;
    }

    @Override
    String pointer(String name) {
      return base + "/" + name.replace("~", "~0").replace("/", "~1");
    }

    @Override
    String get(String name) {
      JsonNode v = node.get(name);
      if (v == null || v.isNull()) {
        return null;
      }
      if (v.isTextual()) {
        return clean(v.textValue());
      }
      if (v.isNumber()) {
        return v.decimalValue().toPlainString();
      }
      if (v.isBoolean()) {
        return Boolean.toString(v.booleanValue());
      }
      invalid(
          name,
          "expected a string, found "
              + v.getNodeType().toString().toLowerCase(java.util.Locale.ROOT));
      return null;
    }
  }
}
