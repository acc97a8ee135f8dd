package org.custodiet.store.export;

import java.util.Objects;

/**
 * One column of an export table. The type tells each format how to write a value: CSV writes text,
 * JSON a typed value, XLSX a typed cell.
 */
public record Column(String name, Type type) {
  public Column {
    Objects.requireNonNull(name, "column name");
    Objects.requireNonNull(type, "column type");
  }

  /** Value types; a LIST value is a {@code List<String>}. */
  public enum Type {
    TEXT,
    INTEGER,
    DECIMAL,
    DATE,
    BOOLEAN,
    LIST
  }

  static Column text(String name) {
    return new Column(name, Type.TEXT);
  }

  static Column integer(String name) {
    return new Column(name, Type.INTEGER);
  }

  static Column decimal(String name) {
    return new Column(name, Type.DECIMAL);
  }

  static Column date(String name) {
    return new Column(name, Type.DATE);
  }

  static Column bool(String name) {
    return new Column(name, Type.BOOLEAN);
  }

  static Column list(String name) {
    return new Column(name, Type.LIST);
  }
}
