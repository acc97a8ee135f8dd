package org.custodiet.store.screening;

import java.util.Locale;
import java.util.Objects;

/** One name of a list entry and what kind of name it is. */
public record EntryName(String name, Kind kind) {
  public EntryName {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
  }

  /** The FollowTheMoney name properties, in the order a listing gives them weight. */
  public enum Kind {
    NAME,
    ALIAS,
    WEAK_ALIAS,
    PREVIOUS_NAME;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Kind ofCode(String code) {
      return valueOf(code.toUpperCase(Locale.ROOT));
    }
  }
}
