package org.custodiet.store.screening;

import java.util.Map;

/**
 * The result of an import: a new version, or nothing because that version was already imported with
 * the same content. {@code skipped} counts the records of non-party schemata left out.
 */
public record ImportOutcome(
    Status status, ListVersion version, Map<String, Integer> skipped, String message) {
  public enum Status {
    IMPORTED,
    ALREADY_IMPORTED
  }
}
