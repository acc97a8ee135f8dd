package org.custodiet.store.screening;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One entry being read from a list file. Every value passes the same checks whatever the layout,
 * and each failure is reported with the line, JSON pointer and field it came from.
 */
final class EntryDraft {
  static final int MAX_NAME = 2000;
  static final int MAX_ID = 300;
  static final int MAX_VALUE = 20_000;

  private final Findings findings;
  private final CountryCodes codes;
  private final long line;
  private final String pointer;
  final String id;
  String schema;
  String firstSeen;
  String lastSeen;
  private final Map<String, EntryName> names = new LinkedHashMap<>();
  private final Set<String> countries = new LinkedHashSet<>();
  private final Set<String> datasets = new LinkedHashSet<>();
  private final Map<String, List<String>> properties = new TreeMap<>();

  EntryDraft(Findings findings, CountryCodes codes, long line, String pointer, String id) {
    this.findings = findings;
    this.codes = codes;
    this.line = line;
    this.pointer = pointer;
    this.id = id;
  }

  static boolean hasControlCharacter(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
        return true;
      }
    }
    return false;
  }

  /** Line breaks and tabs inside a name are layout, not content. */
  private static String tidy(String s) {
    return s.replaceAll("\\s+", " ").strip();
  }

  boolean checkId(String field) {
    if (id == null || id.isBlank()) {
      invalid(field, "is empty: every entry needs an identifier");
      return false;
    }
    if (id.length() > MAX_ID || hasControlCharacter(id) || !id.equals(id.strip())) {
      invalid(
          field,
          "'"
              + shorten(id)
              + "' is not a usable identifier (at most "
              + MAX_ID
              + " characters, no control characters or surrounding spaces)");
      return false;
    }
    return true;
  }

  void name(String value, EntryName.Kind kind, String field) {
    if (value == null) {
      return;
    }
    if (hasControlCharacter(value)) {
      invalid(field, "contains a control character");
      return;
    }
    String name = tidy(value);
    if (name.isEmpty()) {
      if (kind == EntryName.Kind.NAME) {
        invalid(field, "is empty");
      }
      return;
    }
    if (name.length() > MAX_NAME) {
      invalid(field, "is " + name.length() + " characters long, over the limit of " + MAX_NAME);
      return;
    }
    names.putIfAbsent(name, new EntryName(name, kind));
  }

  void country(String code, String field) {
    if (code == null || code.isBlank()) {
      return;
    }
    if (!codes.isKnown(code)) {
      invalid(field, "unknown country code '" + shorten(code) + "'");
      return;
    }
    String iso3 = codes.iso3(code);
    if (iso3 != null) {
      countries.add(iso3);
    }
  }

  void dataset(String value) {
    if (value != null && !value.isBlank()) {
      datasets.add(value.strip());
    }
  }

  void property(String key, String value, String field) {
    if (value == null || value.isBlank()) {
      return;
    }
    if (value.length() > MAX_VALUE) {
      invalid(field, "is " + value.length() + " characters long, over the limit of " + MAX_VALUE);
      return;
    }
    properties.computeIfAbsent(key, k -> new ArrayList<>()).add(value.strip());
  }

  boolean hasName() {
    return names.values().stream().anyMatch(n -> n.kind() == EntryName.Kind.NAME);
  }

  /** The entry, with its main name first; call only when the draft reported no problem. */
  StoredEntry build(String listId) {
    List<EntryName> ordered = new ArrayList<>();
    names.values().stream().filter(n -> n.kind() == EntryName.Kind.NAME).forEach(ordered::add);
    names.values().stream().filter(n -> n.kind() != EntryName.Kind.NAME).forEach(ordered::add);
    return new StoredEntry(
        listId,
        id,
        ordered,
        schema,
        List.copyOf(countries),
        List.copyOf(datasets),
        firstSeen,
        lastSeen,
        properties);
  }

  void invalid(String field, String message) {
    findings.invalid(line, pointer, field, message);
  }

  static String shorten(String s) {
    return s.length() <= 60 ? s : s.substring(0, 60) + "…";
  }
}
