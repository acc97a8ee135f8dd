package org.custodiet.core.model;

import java.util.Locale;

/**
 * The lower-case code under which an enum constant is written in data files, exports, the API and
 * the command line ({@code ClaimKind.FINANCES} is "finances"), so every output spells it the same.
 */
public final class Codes {
  private Codes() {}

  public static String of(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
