package org.custodiet.store.screening;

import java.util.Locale;

/** The layouts a screening list can be imported from; built-in lists come from the database. */
public enum ListFormat {
  /** The US Consolidated Screening List as published in CSV. */
  CSL_CSV,
  /** The US Consolidated Screening List as published in JSON ({@code {"results": [...]}}). */
  CSL_JSON,
  /** FollowTheMoney entities, one JSON object a line, as OpenSanctions publishes them. */
  FTM,
  /** Refreshed from the knowledge base, never imported from a file. */
  BUILT_IN;

  public String code() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static ListFormat ofCode(String code) {
    for (ListFormat f : values()) {
      if (f.code().equals(code)) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "unknown list format '" + code + "': use csl-csv, csl-json or ftm");
  }
}
