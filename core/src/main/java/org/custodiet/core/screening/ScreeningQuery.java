package org.custodiet.core.screening;

import java.util.Objects;
import java.util.Set;

/**
 * A name to screen.
 *
 * @param name the counterparty's name, in any script
 * @param schema the FollowTheMoney schema the counterparty is known to be (Company, Person...), or
 *     null when unknown; entries of incompatible schemas are not considered
 * @param countries ISO3 codes of the counterparty's countries, possibly empty; they weigh on the
 *     score (agreement adds a little, a mismatch subtracts) rather than hide entries
 * @param listIds the lists to screen against; empty means all
 */
public record ScreeningQuery(
    String name, String schema, Set<String> countries, Set<String> listIds) {
  public ScreeningQuery {
    Objects.requireNonNull(name, "name");
    countries = countries == null ? Set.of() : Set.copyOf(countries);
    listIds = listIds == null ? Set.of() : Set.copyOf(listIds);
  }

  /** A query for a name of unknown schema, against all lists, without countries. */
  public static ScreeningQuery of(String name) {
    return new ScreeningQuery(name, null, Set.of(), Set.of());
  }
}
