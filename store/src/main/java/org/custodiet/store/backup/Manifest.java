package org.custodiet.store.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.custodiet.core.audit.AuditChain;

/**
 * The table of contents of a backup: what wrote it and when, the schema and decision-log head it
 * was taken at, and for each part its columns, row count and SHA-256.
 */
record Manifest(
    int formatVersion,
    String createdAt,
    String producer,
    String schemaVersion,
    AuditChain.Head auditHead,
    List<PartInfo> parts) {
  static final String FORMAT = "custodiet-backup";
  static final int FORMAT_VERSION = 1;

  record Column(String name, ColumnType type) {}

  record PartInfo(String table, String file, List<Column> columns, long rows, String sha256) {}

  ObjectNode toJson() {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode root = f.objectNode();
    root.put("format", FORMAT);
    root.put("format_version", formatVersion);
    root.put("created_at", createdAt);
    root.put("custodiet_version", producer);
    root.put("schema_version", schemaVersion);
    ObjectNode head = root.putObject("audit_head");
    head.put("seq", auditHead.seq());
    head.put("entry_hash", auditHead.entryHash());
    ArrayNode list = root.putArray("parts");
    for (PartInfo p : parts) {
      ObjectNode part = list.addObject();
      part.put("table", p.table());
      part.put("file", p.file());
      ArrayNode columns = part.putArray("columns");
      for (Column c : p.columns()) {
        columns.addObject().put("name", c.name()).put("type", c.type().code());
      }
      part.put("rows", p.rows());
      part.put("sha256", p.sha256());
    }
    return root;
  }

  /**
   * Reads a manifest, checking the format and version first so that a newer format is reported as
   * such rather than as a list of odd fields.
   *
   * @throws IllegalArgumentException naming the field that is wrong
   */
  static Manifest fromJson(JsonNode root) {
    if (!root.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    if (!FORMAT.equals(root.path("format").asText(null))) {
      throw new IllegalArgumentException(
          "format: expected \"" + FORMAT + "\", found " + root.path("format"));
    }
    JsonNode version = root.path("format_version");
    if (!version.isInt() || version.intValue() != FORMAT_VERSION) {
      throw new IllegalArgumentException(
          "format_version: unknown format version "
              + version
              + "; this custodiet reads version "
              + FORMAT_VERSION);
    }
    JsonNode head = object(root, "audit_head");
    List<PartInfo> parts = new ArrayList<>();
    JsonNode list = root.path("parts");
    if (!list.isArray()) {
      throw new IllegalArgumentException("parts: expected an array");
    }
    for (int i = 0; i < list.size(); i++) {
      JsonNode p = list.get(i);
      String where = "parts[" + i + "]";
      if (!p.isObject()) {
        throw new IllegalArgumentException(where + ": expected an object");
      }
      List<Column> columns = new ArrayList<>();
      JsonNode cs = p.path("columns");
      if (!cs.isArray() || cs.isEmpty()) {
        throw new IllegalArgumentException(where + ".columns: expected a non-empty array");
      }
      for (int j = 0; j < cs.size(); j++) {
        String at = where + ".columns[" + j + "]";
        String type = text(cs.get(j), "type", at);
        try {
          columns.add(new Column(text(cs.get(j), "name", at), ColumnType.ofCode(type)));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(at + ".type: " + e.getMessage(), e);
        }
      }
      parts.add(
          new PartInfo(
              text(p, "table", where),
              text(p, "file", where),
              List.copyOf(columns),
              count(p, "rows", where),
              sha256(text(p, "sha256", where), where + ".sha256")));
    }
    return new Manifest(
        version.intValue(),
        text(root, "created_at", ""),
        text(root, "custodiet_version", ""),
        text(root, "schema_version", ""),
        new AuditChain.Head(
            count(head, "seq", "audit_head"),
            sha256(text(head, "entry_hash", "audit_head"), "audit_head.entry_hash")),
        List.copyOf(parts));
  }

  private static JsonNode object(JsonNode node, String field) {
    JsonNode v = node.path(field);
    if (!v.isObject()) {
      throw new IllegalArgumentException(field + ": expected an object");
    }
    return v;
  }

  private static String text(JsonNode node, String field, String where) {
    JsonNode v = node.path(field);
    if (!v.isTextual() || v.textValue().isEmpty()) {
      throw new IllegalArgumentException(
          (where.isEmpty() ? "" : where + ".") + field + ": expected a non-empty string");
    }
    return v.textValue();
  }

  private static long count(JsonNode node, String field, String where) {
    JsonNode v = node.path(field);
    if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < 0) {
      throw new IllegalArgumentException(where + "." + field + ": expected a count >= 0");
    }
    return v.longValue();
  }

  private static String sha256(String value, String where) {
    if (!value.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException(where + ": expected 64 lower-case hex digits");
    }
    return value;
  }
}
