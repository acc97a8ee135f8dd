package org.custodiet.core.index;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What to compute: figures as of a date, over all established claims (the living index, {@code
 * sourceId == null}) or over what one source alone says. In single-source mode curator flags are
 * not applied, so that a published release is reproduced as it was published.
 */
public record IndexQuery(LocalDate asOf, String sourceId) {
  public IndexQuery {
    Objects.requireNonNull(asOf, "as-of date");
  }

  public static IndexQuery living(LocalDate asOf) {
    return new IndexQuery(asOf, null);
  }

  public static IndexQuery singleSource(LocalDate asOf, String sourceId) {
    return new IndexQuery(asOf, Objects.requireNonNull(sourceId, "source id"));
  }

  public boolean isLiving() {
    return sourceId == null;
  }
}
