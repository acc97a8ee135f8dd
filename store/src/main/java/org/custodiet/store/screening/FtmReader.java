package org.custodiet.store.screening;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.custodiet.store.ImportException;
import org.custodiet.store.ImportException.Reason;

/**
 * FollowTheMoney entities as OpenSanctions publishes them: one JSON object a line with {@code id},
 * {@code schema}, {@code properties} (every value an array of strings), {@code datasets}, {@code
 * first_seen} and {@code last_seen}. Only parties are screenable; addresses, sanctions and the
 * other schemata are counted and skipped.
 */
final class FtmReader {
  static final Set<String> PARTIES =
      Set.of("Person", "Company", "Organization", "LegalEntity", "PublicBody");

  /** Longest line accepted; OpenSanctions entities are a few kilobytes. */
  static final int MAX_LINE = 4 << 20;

  /** Name properties in the order their names are listed: main names first, old names last. */
  private static final List<Map.Entry<String, EntryName.Kind>> NAME_PROPERTIES =
      List.of(
          Map.entry("name", EntryName.Kind.NAME),
          Map.entry("alias", EntryName.Kind.ALIAS),
          Map.entry("weakAlias", EntryName.Kind.WEAK_ALIAS),
          Map.entry("previousName", EntryName.Kind.PREVIOUS_NAME));

  private static final List<String> COUNTRY_PROPERTIES =
      List.of("country", "jurisdiction", "nationality", "citizenship", "mainCountry");

  private static final List<String> KEPT =
      List.of("topics", "program", "sourceUrl", "notes", "incorporationDate", "classification");

  private FtmReader() {}

  static ParsedList read(ListFile file, String listId, CountryCodes codes) {
    Findings findings = new Findings(file.name);
    List<StoredEntry> entries = new ArrayList<>();
    Map<String, Integer> skipped = new TreeMap<>();
    Set<String> ids = new HashSet<>();
    BufferedReader reader = file.reader();
    long line = 0;
    try {
      String text;
      while ((text = readLine(reader, file, line + 1)) != null) {
        line++;
        if (text.isBlank()) {
          continue;
        }
        JsonNode node;
        try {
          node = CslJsonReader.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
          throw ListFile.failure(
              Reason.MALFORMED,
              file.name,
              line,
              null,
              null,
              "invalid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
          throw ListFile.failure(
              Reason.MALFORMED, file.name, line, "", null, "each line must be one JSON object");
        }
        String schema = node.path("schema").asText("");
        if (schema.isBlank()) {
          findings.invalid(line, "/schema", "schema", "is missing");
          continue;
        }
        if (!PARTIES.contains(schema)) {
          skipped.merge(schema, 1, Integer::sum);
          continue;
        }
        StoredEntry e = entry(node, schema, findings, codes, line, listId, ids);
        if (e != null) {
          entries.add(e);
        }
      }
    } catch (IOException e) {
      throw ListFile.failure(
          Reason.MALFORMED, file.name, line + 1, null, null, ImportException.rootCause(e));
    }
    findings.throwIfAny();
    return new ParsedList(file.name, file.sha256(), entries, skipped);
  }

  private static String readLine(BufferedReader reader, ListFile file, long lineNumber)
      throws IOException {
    StringBuilder b = new StringBuilder();
    int c;
    while ((c = reader.read()) >= 0) {
      if (c == '\n') {
        return b.toString();
      }
      if (b.length() >= MAX_LINE) {
        throw ListFile.failure(
            Reason.MALFORMED,
            file.name,
            lineNumber,
            null,
            null,
            "line is longer than the limit of " + MAX_LINE + " characters");
      }
      b.append((char) c);
    }
    return b.length() == 0 ? null : b.toString();
  }

  private static StoredEntry entry(
      JsonNode node,
      String schema,
      Findings findings,
      CountryCodes codes,
      long line,
      String listId,
      Set<String> ids) {
    String id = node.path("id").isTextual() ? node.get("id").asText() : null;
    EntryDraft d = new EntryDraft(findings, codes, line, "/id", id);
    if (!d.checkId("id")) {
      return null;
    }
    if (!ids.add(id)) {
      d.invalid("id", "'" + EntryDraft.shorten(id) + "' appears twice in the file");
      return null;
    }
    d.schema = schema;
    JsonNode props = node.path("properties");
    if (!props.isObject()) {
      d.invalid("properties", "must be an object of arrays");
      return null;
    }
    for (Map.Entry<String, EntryName.Kind> p : NAME_PROPERTIES) {
      for (String v : strings(props, p.getKey(), d)) {
        d.name(v, p.getValue(), "properties." + p.getKey());
      }
    }
    for (String property : COUNTRY_PROPERTIES) {
      for (String code : strings(props, property, d)) {
        d.country(code, "properties." + property);
      }
    }
    for (String property : KEPT) {
      for (String v : strings(props, property, d)) {
        d.property(property, v, "properties." + property);
      }
    }
    JsonNode datasets = node.path("datasets");
    if (datasets.isArray()) {
      datasets.forEach(ds -> d.dataset(ds.asText()));
    }
    d.firstSeen = timestamp(node, "first_seen", d);
    d.lastSeen = timestamp(node, "last_seen", d);
    if (!d.hasName()) {
      d.invalid("properties.name", "is missing: a party needs at least one name");
      return null;
    }
    return d.build(listId);
  }

  private static List<String> strings(JsonNode props, String property, EntryDraft d) {
    JsonNode v = props.get(property);
    if (v == null || v.isNull()) {
      return List.of();
    }
    if (!v.isArray()) {
      d.invalid("properties." + property, "must be an array of strings");
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (JsonNode item : v) {
      if (!item.isTextual()) {
        d.invalid("properties." + property, "must be an array of strings");
        return List.of();
      }
      out.add(item.asText());
    }
    return out;
  }

  private static String timestamp(JsonNode node, String field, EntryDraft d) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
      return null;
    }
    if (!v.isTextual() || v.asText().strip().length() > 40) {
      d.invalid(field, "must be a date or timestamp like 2024-05-01T12:00:00");
      return null;
    }
    return v.asText().strip();
  }
}
