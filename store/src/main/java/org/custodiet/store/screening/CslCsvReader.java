package org.custodiet.store.screening;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custodiet.store.CsvTable;
import org.custodiet.store.ImportException.Reason;

/**
 * The US Consolidated Screening List in its published CSV layout: one row per listed party, its
 * main name in {@code name}, its other names in {@code alt_names} separated by "; ", and addresses
 * separated by "; " whose last comma-separated part is the ISO2 country.
 */
final class CslCsvReader {
  /** The columns of the published file (../shared/data/raw/us-entity-list/csl_csv_header.txt). */
  static final List<String> COLUMNS =
      List.of(
          "_id",
          "source",
          "entity_number",
          "type",
          "programs",
          "name",
          "title",
          "addresses",
          "federal_register_notice",
          "start_date",
          "end_date",
          "standard_order",
          "license_requirement",
          "license_policy",
          "call_sign",
          "vessel_type",
          "gross_tonnage",
          "gross_registered_tonnage",
          "vessel_flag",
          "vessel_owner",
          "remarks",
          "source_list_url",
          "alt_names",
          "citizenships",
          "dates_of_birth",
          "nationalities",
          "places_of_birth",
          "source_information_url",
          "ids");

  /** Published fields kept with each entry; personal details of individuals are not kept. */
  static final List<String> KEPT =
      List.of(
          "source",
          "entity_number",
          "programs",
          "title",
          "addresses",
          "federal_register_notice",
          "start_date",
          "end_date",
          "license_requirement",
          "license_policy",
          "remarks",
          "source_list_url",
          "source_information_url");

  private CslCsvReader() {}

  static ParsedList read(ListFile file, String listId, CountryCodes codes) {
    Findings findings = new Findings(file.name);
    List<StoredEntry> entries = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    CsvTable table = CsvTable.read(file.name, file.reader());
    List<String> header = table.header();
    List<String> missing = COLUMNS.stream().filter(c -> !header.contains(c)).toList();
    if (!missing.isEmpty()) {
      throw ListFile.failure(
          Reason.MALFORMED,
          file.name,
          1,
          null,
          missing.get(0),
          "not the Consolidated Screening List CSV header: missing column(s) "
              + String.join(", ", missing)
              + " (expected the "
              + COLUMNS.size()
              + " published columns)");
    }
    for (CsvTable.Row row : table.rows()) {
      long line = row.line();
      Map<String, String> values = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        values.put(header.get(i), row.values().get(i));
      }
      StoredEntry entry = entry(values, findings, codes, line, listId, ids, null);
      if (entry != null) {
        entries.add(entry);
      }
    }
    findings.throwIfAny();
    return new ParsedList(file.name, file.sha256(), entries, Map.of());
  }

  static StoredEntry entry(
      Map<String, String> v,
      Findings findings,
      CountryCodes codes,
      long line,
      String listId,
      Set<String> ids,
      String pointer) {
    String id = blankToNull(v.get("_id"));
    String idField = "_id";
    if (id == null && blankToNull(v.get("entity_number")) != null) {
      id = v.get("source") + "#" + v.get("entity_number").strip();
      idField = "entity_number";
    }
    EntryDraft d = new EntryDraft(findings, codes, line, pointer, id);
    if (!d.checkId(idField)) {
      return null;
    }
    if (!ids.add(d.id)) {
      d.invalid(idField, "'" + EntryDraft.shorten(d.id) + "' appears twice in the file");
      return null;
    }
    d.schema = schema(v.get("type"), d);
    d.name(v.get("name"), EntryName.Kind.NAME, "name");
    for (String alias : split(v.get("alt_names"))) {
      d.name(alias, EntryName.Kind.ALIAS, "alt_names");
    }
    for (String address : split(v.get("addresses"))) {
      String[] parts = address.split(",");
      String last = parts[parts.length - 1].strip();
      if (last.length() == 2) {
        d.country(last, "addresses");
      }
    }
    for (String field : List.of("citizenships", "nationalities")) {
      for (String code : split(v.get(field))) {
        d.country(code, field);
      }
    }
    d.dataset(v.get("source"));
    for (String key : KEPT) {
      d.property(key, v.get(key), key);
    }
    if (!d.hasName()) {
      d.invalid("name", "is empty");
      return null;
    }
    return d.schema == null ? null : d.build(listId);
  }

  /** The party types of the list as FollowTheMoney schemata. */
  static String schema(String type, EntryDraft d) {
    String t = type == null ? "" : type.strip();
    return switch (t) {
      case "Entity" -> "Organization";
      case "Individual" -> "Person";
      case "Vessel" -> "Vessel";
      case "Aircraft" -> "Airplane";
      case "" -> "LegalEntity";
      default -> {
        d.invalid(
            "type",
            "unknown party type '"
                + EntryDraft.shorten(t)
                + "' (expected Entity, Individual, Vessel or Aircraft)");
        yield null;
      }
    };
  }

  static List<String> split(String value) {
    if (value == null || value.isBlank()) {
      return List.of();
    }
    List<String> parts = new ArrayList<>();
    for (String p : value.split(";")) {
      if (!p.isBlank()) {
        parts.add(p.strip());
      }
    }
    return parts;
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
