package org.custodiet.store.screening;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jdbi.v3.core.Handle;

/**
 * The lists that come from the knowledge base rather than from a file: the surveillance firms on
 * the US Entity List (the bundled {@code entity_listing} rows, with the firms' names and aliases)
 * and every company of the knowledge base. A refresh records a new version only when the database's
 * content differs from the list's newest version.
 */
public final class BuiltInLists {
  public static final String ENTITY_LIST = "bis-surveillance";
  public static final String COMPANIES = "kb-companies";

  static final String ENTITY_LIST_URL =
      "https://www.ecfr.gov/current/title-15/subtitle-B/chapter-VII/subchapter-C/part-744/"
          + "appendix-Supplement%20No.%204%20to%20Part%20744";

  private final ScreeningLists lists;

  public BuiltInLists(ScreeningLists lists) {
    this.lists = lists;
  }

  /** Brings both built-in lists in step with the database; returns what each refresh did. */
  public List<ImportOutcome> refresh(String actor) {
    return lists
        .database()
        .jdbi()
        .inTransaction(
            h -> {
              LocalDate today = LocalDate.now(lists.clock());
              Map<String, List<String>> aliases = aliases(h);
              List<ImportOutcome> outcomes = new ArrayList<>();
              outcomes.add(
                  lists.write(
                      h,
                      new ImportRequest(
                          ENTITY_LIST,
                          "US Entity List: surveillance firms (bundled)",
                          ListFormat.BUILT_IN,
                          today,
                          ENTITY_LIST_URL,
                          "US Government work, public domain",
                          "Compiled by hand from Federal Register rules and law-firm notes"
                              + " (data/entity-listings.csv); check against Supplement No. 4 to"
                              + " 15 CFR Part 744 before relying on it",
                          actor),
                      parsed(ENTITY_LIST, entityListEntries(h, aliases)),
                      true));
              outcomes.add(
                  lists.write(
                      h,
                      new ImportRequest(
                          COMPANIES,
                          "Companies of the knowledge base",
                          ListFormat.BUILT_IN,
                          today,
                          null,
                          "as the knowledge base (data/README.md)",
                          "custodiet knowledge base: suppliers and lenders of AI surveillance",
                          actor),
                      parsed(COMPANIES, companyEntries(h, aliases)),
                      true));
              return outcomes;
            });
  }

  private static ParsedList parsed(String listId, List<StoredEntry> entries) {
    StringBuilder content = new StringBuilder();
    for (StoredEntry e : entries) {
      content.append(e.entryId()).append('\t').append(ScreeningLists.contentSha256(e)).append('\n');
    }
    return new ParsedList(
        "knowledge base (" + listId + ")",
        ScreeningLists.sha256(content.toString()),
        entries,
        Map.of());
  }

  private record ListingRow(
      String companyId,
      String list,
      String listedName,
      LocalDate listedOn,
      String reference,
      String sourceUrl,
      String companyName,
      String headquarters) {}

  private static List<StoredEntry> entityListEntries(Handle h, Map<String, List<String>> aliases) {
    List<ListingRow> rows =
        h.createQuery(
                "SELECT l.company_id, l.list_name, l.listed_name, l.listed_on, l.reference,"
                    + " l.source_url, c.name, c.headquarters_iso3 FROM entity_listing l JOIN"
                    + " company c ON c.id = l.company_id ORDER BY l.company_id, l.listed_on, l.id")
            .map(
                (rs, ctx) ->
                    new ListingRow(
                        rs.getString("company_id"),
                        rs.getString("list_name"),
                        rs.getString("listed_name"),
                        rs.getObject("listed_on", LocalDate.class),
                        rs.getString("reference"),
                        rs.getString("source_url"),
                        rs.getString("name"),
                        rs.getString("headquarters_iso3")))
            .list();
    Map<String, EntryBuilder> byCompany = new LinkedHashMap<>();
    for (ListingRow r : rows) {
      EntryBuilder b =
          byCompany.computeIfAbsent(r.companyId(), id -> new EntryBuilder(id, "Company"));
      b.name(r.listedName() == null ? r.companyName() : r.listedName());
      b.alias(r.companyName());
      b.country(r.headquarters());
      b.dataset(r.list());
      if (b.firstSeen == null) {
        b.firstSeen = r.listedOn().toString();
      }
      b.property("listed_on", r.listedOn().toString());
      b.property("reference", r.reference());
      b.property("source_url", r.sourceUrl());
      b.property("company_id", r.companyId());
    }
    byCompany.values().forEach(b -> aliases.getOrDefault(b.id, List.of()).forEach(b::alias));
    return byCompany.values().stream().map(b -> b.build(ENTITY_LIST)).toList();
  }

  private static List<StoredEntry> companyEntries(Handle h, Map<String, List<String>> aliases) {
    List<EntryBuilder> companies =
        h.createQuery("SELECT id, name, headquarters_iso3, ownership FROM company ORDER BY id")
            .map(
                (rs, ctx) -> {
                  EntryBuilder b = new EntryBuilder(rs.getString("id"), "Company");
                  b.name(rs.getString("name"));
                  b.country(rs.getString("headquarters_iso3"));
                  b.property("ownership", rs.getString("ownership"));
                  b.property("company_id", rs.getString("id"));
                  return b;
                })
            .list();
    companies.forEach(b -> aliases.getOrDefault(b.id, List.of()).forEach(b::alias));
    return companies.stream().map(b -> b.build(COMPANIES)).toList();
  }

  /** The knowledge base's aliases of each company, then the bundled legal and Chinese names. */
  private static Map<String, List<String>> aliases(Handle h) {
    Map<String, List<String>> aliases = new TreeMap<>();
    h.createQuery("SELECT company_id, alias FROM company_alias ORDER BY company_id, position")
        .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
        .forEach(
            e -> aliases.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    for (CSVRecord r : listedAliases()) {
      aliases.computeIfAbsent(r.get("company_id"), k -> new ArrayList<>()).add(r.get("alias"));
    }
    return aliases;
  }

  private static List<CSVRecord> listedAliases() {
    try (InputStream in = BuiltInLists.class.getResourceAsStream("listed-aliases.csv")) {
      if (in == null) {
        throw new IllegalStateException("listed-aliases.csv is missing from the classpath");
      }
      return CSVFormat.RFC4180
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .get()
          .parse(new InputStreamReader(in, StandardCharsets.UTF_8))
          .getRecords();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read listed-aliases.csv", e);
    }
  }

  /** An entry assembled from database rows, which are valid by the schema's constraints. */
  private static final class EntryBuilder {
    final String id;
    final String schema;
    final Map<String, EntryName> names = new LinkedHashMap<>();
    final List<String> countries = new ArrayList<>();
    final List<String> datasets = new ArrayList<>();
    final Map<String, List<String>> properties = new TreeMap<>();
    String firstSeen;

    EntryBuilder(String id, String schema) {
      this.id = id;
      this.schema = schema;
    }

    void name(String name) {
      names.putIfAbsent(name.strip(), new EntryName(name.strip(), EntryName.Kind.NAME));
    }

    void alias(String alias) {
      if (alias != null && !alias.isBlank()) {
        names.putIfAbsent(alias.strip(), new EntryName(alias.strip(), EntryName.Kind.ALIAS));
      }
    }

    void country(String iso3) {
      if (iso3 != null && !countries.contains(iso3)) {
        countries.add(iso3);
      }
    }

    void dataset(String name) {
      if (name != null && !datasets.contains(name)) {
        datasets.add(name);
      }
    }

    void property(String key, String value) {
      if (value != null && !value.isBlank()) {
        List<String> values = properties.computeIfAbsent(key, k -> new ArrayList<>());
        if (!values.contains(value)) {
          values.add(value);
        }
      }
    }

    StoredEntry build(String listId) {
      return new StoredEntry(
          listId,
          id,
          List.copyOf(names.values()),
          schema,
          countries,
          datasets,
          firstSeen,
          null,
          properties);
    }
  }
}
