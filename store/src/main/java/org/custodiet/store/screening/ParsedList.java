package org.custodiet.store.screening;

import java.util.List;
import java.util.Map;

/**
 * A list file read whole and checked, before anything is written: its entries, how many records of
 * each non-party schema were skipped, and the SHA-256 of its bytes.
 */
public record ParsedList(
    String fileName, String sha256, List<StoredEntry> entries, Map<String, Integer> skipped) {
  public ParsedList {
    entries = List.copyOf(entries);
    skipped = Map.copyOf(skipped);
  }

  public int skippedTotal() {
    return skipped.values().stream().mapToInt(Integer::intValue).sum();
  }
}
