package org.custodiet.store.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;

/**
 * How a column's values travel in a backup: the same JSON on H2 and PostgreSQL, exact for decimals
 * (written as text) and instants (normalised to UTC), base64 for bytes.
 */
enum ColumnType {
  TEXT,
  INTEGER,
  DECIMAL,
  DOUBLE,
  BOOLEAN,
  DATE,
  TIMESTAMPTZ,
  TIMESTAMP,
  BYTES;

  /** The portable type of a column as the JDBC driver describes it. */
  static ColumnType of(int jdbcType, String typeName, String table, String column) {
    String name = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
    switch (jdbcType) {
      case Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR, Types.CLOB, Types.NVARCHAR, Types.NCHAR:
        return TEXT;
      case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT:
        return INTEGER;
      case Types.NUMERIC, Types.DECIMAL:
        return DECIMAL;
      case Types.DOUBLE, Types.FLOAT, Types.REAL:
        return DOUBLE;
      case Types.BOOLEAN:
        return BOOLEAN;
      case Types.BIT:
        if (name.equals("bool") || name.equals("boolean")) {
          return BOOLEAN;
        }
        break;
      case Types.DATE:
        return DATE;
      case Types.TIMESTAMP_WITH_TIMEZONE:
        return TIMESTAMPTZ;
      case Types.TIMESTAMP:
        // PostgreSQL's driver reports timestamptz as TIMESTAMP; only the type name tells.
        return name.equals("timestamptz") ? TIMESTAMPTZ : TIMESTAMP;
      case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB:
        return BYTES;
      default:
        break;
    }
    throw new IllegalStateException(
        table + "." + column + ": column type " + typeName + " has no backup representation");
  }

  String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  static ColumnType ofCode(String code) {
    for (ColumnType t : values()) {
      if (t.code().equals(code)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown column type '" + code + "'");
  }

  /** The value of column {@code i} of the current row, as JSON. */
  JsonNode read(ResultSet rs, int i) throws SQLException {
    JsonNode node =
        switch (this) {
          case TEXT -> text(rs.getString(i));
          case INTEGER -> {
            long v = rs.getLong(i);
            yield rs.wasNull() ? null : LongNode.valueOf(v);
          }
          case DECIMAL -> {
            BigDecimal v = rs.getBigDecimal(i);
            yield v == null ? null : TextNode.valueOf(v.toPlainString());
          }
          case DOUBLE -> {
            double v = rs.getDouble(i);
            yield rs.wasNull() ? null : DoubleNode.valueOf(v);
          }
          case BOOLEAN -> {
            boolean v = rs.getBoolean(i);
            yield rs.wasNull() ? null : BooleanNode.valueOf(v);
          }
          case DATE -> {
            LocalDate v = rs.getObject(i, LocalDate.class);
            yield v == null ? null : TextNode.valueOf(v.toString());
          }
          case TIMESTAMPTZ -> {
            OffsetDateTime v = rs.getObject(i, OffsetDateTime.class);
            yield v == null
                ? null
                : TextNode.valueOf(
                    DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                        v.withOffsetSameInstant(ZoneOffset.UTC)));
          }
          case TIMESTAMP -> {
            LocalDateTime v = rs.getObject(i, LocalDateTime.class);
            yield v == null ? null : TextNode.valueOf(v.toString());
          }
          case BYTES -> {
            byte[] v = rs.getBytes(i);
            yield v == null ? null : TextNode.valueOf(Base64.getEncoder().encodeToString(v));
          }
        };
    return node == null ? NullNode.getInstance() : node;
  }

  private static JsonNode text(String s) {
    return s == null ? null : TextNode.valueOf(s);
  }

  /**
   * The Java value of a JSON value read from a backup (null for JSON null).
   *
   * @throws IllegalArgumentException naming what was expected, when the value does not fit
   */
  Object decode(JsonNode v) {
    if (v.isNull()) {
      return null;
    }
    try {
      return switch (this) {
        case TEXT -> textual(v);
        case INTEGER -> {
          if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new IllegalArgumentException("expected a whole number, found " + v);
          }
          yield v.longValue();
        }
        case DECIMAL -> new BigDecimal(textual(v));
        case DOUBLE -> {
          if (!v.isNumber()) {
            throw new IllegalArgumentException("expected a number, found " + v);
          }
          yield v.doubleValue();
        }
        case BOOLEAN -> {
          if (!v.isBoolean()) {
            throw new IllegalArgumentException("expected true or false, found " + v);
          }
          yield v.booleanValue();
        }
        case DATE -> LocalDate.parse(textual(v));
        case TIMESTAMPTZ -> OffsetDateTime.parse(textual(v));
        case TIMESTAMP -> LocalDateTime.parse(textual(v));
        case BYTES -> Base64.getDecoder().decode(textual(v));
      };
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new IllegalArgumentException("not a valid " + code() + " value: " + v, e);
    }
  }

  private String textual(JsonNode v) {
    if (!v.isTextual()) {
      throw new IllegalArgumentException("expected a string (" + code() + "), found " + v);
    }
    return v.textValue();
  }

  /** Binds a decoded value as statement parameter {@code i}. */
  void bind(PreparedStatement ps, int i, Object value) throws SQLException {
    if (value == null) {
      ps.setNull(i, sqlType());
      return;
    }
    switch (this) {
      case TEXT -> ps.setString(i, (String) value);
      case INTEGER -> ps.setLong(i, (Long) value);
      case DECIMAL -> ps.setBigDecimal(i, (BigDecimal) value);
      case DOUBLE -> ps.setDouble(i, (Double) value);
      case BOOLEAN -> ps.setBoolean(i, (Boolean) value);
      case BYTES -> ps.setBytes(i, (byte[]) value);
      case DATE, TIMESTAMPTZ, TIMESTAMP -> ps.setObject(i, value);
    }
  }

  private int sqlType() {
    return switch (this) {
      case TEXT -> Types.VARCHAR;
      case INTEGER -> Types.BIGINT;
      case DECIMAL -> Types.NUMERIC;
      case DOUBLE -> Types.DOUBLE;
      case BOOLEAN -> Types.BOOLEAN;
      case DATE -> Types.DATE;
      case TIMESTAMPTZ -> Types.TIMESTAMP_WITH_TIMEZONE;
      case TIMESTAMP -> Types.TIMESTAMP;
      case BYTES -> Types.BINARY;
    };
  }
}
