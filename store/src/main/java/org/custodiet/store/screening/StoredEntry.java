package org.custodiet.store.screening;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of a screening list as stored: its names (the first is the main name), FollowTheMoney
 * schema, ISO3 countries, the datasets or sub-lists it comes from, when the publisher first and
 * last saw it, and the other published fields as text.
 */
public record StoredEntry(
    String listId,
    String entryId,
    List<EntryName> names,
    String schema,
    List<String> countries,
    List<String> datasets,
    String firstSeen,
    String lastSeen,
    Map<String, List<String>> properties) {
  public StoredEntry {
    Objects.requireNonNull(listId, "listId");
    Objects.requireNonNull(entryId, "entryId");
    Objects.requireNonNull(schema, "schema");
    names = List.copyOf(names);
    if (names.isEmpty()) {
      throw new IllegalArgumentException("entry " + entryId + " has no name");
    }
    countries = List.copyOf(countries);
    datasets = List.copyOf(datasets);
    properties = Map.copyOf(properties);
  }

  public String name() {
    return names.get(0).name();
  }

  /** The first value of a published field, or null. */
  public String property(String key) {
    List<String> values = properties.get(key);
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
