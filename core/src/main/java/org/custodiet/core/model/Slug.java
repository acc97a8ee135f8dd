package org.custodiet.core.model;

import java.text.Normalizer;
import java.util.Locale;

/** Stable lower-case identifiers used in figure ids and URLs ("huawei", "clearview-ai"). */
public final class Slug {
  private Slug() {}

  public static String of(String name) {
    String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
    String slug =
        ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
    if (slug.isEmpty()) {
      throw new IllegalArgumentException("cannot make an identifier from '" + name + "'");
    }
    return slug;
  }

  public static boolean isWellFormed(String id) {
    return id != null && id.matches("[a-z0-9]+(-[a-z0-9]+)*") && id.length() <= 80;
  }

  public static String require(String id, String field) {
    if (!isWellFormed(id)) {
      throw new IllegalArgumentException(
          field + ": '" + id + "' is not a lower-case identifier like 'huawei' or 'clearview-ai'");
    }
    return id;
  }
}
