package org.custodiet.core.screening;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One screenable party of a list: a company, organisation, person, vessel... with its primary name
 * and aliases. Every name of the entry, primary or alias, is matched on its own.
 *
 * @param id the entry's identifier, unique within its list
 * @param listId the list it comes from (e.g. "us-csl", "opensanctions", "custodiet-kb")
 * @param schema the FollowTheMoney schema name: Company, Organization, PublicBody, LegalEntity,
 *     Person, Vessel, Airplane...
 * @param name the primary name
 * @param aliases other names (translations, transliterations, former names, brand names)
 * @param countries ISO 3166-1 alpha-3 codes of the countries the entry is tied to
 * @param properties anything else the list says (addresses, programmes, dates) for display
 */
public record ListEntry(
    String id,
    String listId,
    String schema,
    String name,
    List<String> aliases,
    Set<String> countries,
    Map<String, String> properties) {
  public ListEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(listId, "listId");
    Objects.requireNonNull(name, "name");
    schema = schema == null || schema.isBlank() ? "LegalEntity" : schema;
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
    countries = countries == null ? Set.of() : Set.copyOf(countries);
    properties = properties == null ? Map.of() : Map.copyOf(properties);
  }

  /** The primary name followed by the aliases, in list order. */
  public List<String> names() {
    java.util.ArrayList<String> all = new java.util.ArrayList<>(aliases.size() + 1);
    all.add(name);
    all.addAll(aliases);
    return all;
  }
}
