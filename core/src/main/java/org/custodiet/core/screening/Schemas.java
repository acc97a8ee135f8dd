package org.custodiet.core.screening;

import java.util.Set;

/** Which FollowTheMoney schemas can be the same party, for the schema filter. */
final class Schemas {
  private static final Set<String> ORGANISATIONS =
      Set.of("Company", "Organization", "PublicBody", "LegalEntity");
  private static final Set<String> ANY = Set.of("", "Thing", "LegalEntity");

  private Schemas() {}

  /** A query of unknown or generic schema meets everything; otherwise like meets like. */
  static boolean compatible(String querySchema, String entrySchema) {
    if (querySchema == null || ANY.contains(querySchema) || "LegalEntity".equals(entrySchema)) {
      return true;
    }
    if (querySchema.equals(entrySchema)) {
      return true;
    }
    return ORGANISATIONS.contains(querySchema) && ORGANISATIONS.contains(entrySchema);
  }

  static boolean isPerson(String schema) {
    return "Person".equals(schema);
  }
}
