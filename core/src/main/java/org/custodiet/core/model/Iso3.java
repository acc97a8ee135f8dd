package org.custodiet.core.model;

/** Shape check for ISO 3166-1 alpha-3 codes; whether a code exists is the knowledge base's job. */
public final class Iso3 {
  private Iso3() {}

  public static boolean isWellFormed(String code) {
    if (code == null || code.length() != 3) {
      return false;
    }
    for (int i = 0; i < 3; i++) {
      char c = code.charAt(i);
      if (c < 'A' || c > 'Z') {
        return false;
      }
    }
    return true;
  }

  public static String require(String code, String field) {
    if (!isWellFormed(code)) {
      throw new IllegalArgumentException(
          field + ": '" + code + "' is not an ISO 3166-1 alpha-3 code (three capital letters)");
    }
    return code;
  }
}
