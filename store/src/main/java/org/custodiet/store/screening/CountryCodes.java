package org.custodiet.store.screening;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Two-letter country codes of list files turned into the ISO3 keys of the country table. A few
 * codes FollowTheMoney uses for former states and groupings name no present country: they are
 * dropped, not refused.
 */
public final class CountryCodes {
  /** FollowTheMoney's codes for the Soviet Union, Czechoslovakia, Yugoslavia, East Germany etc. */
  private static final Set<String> NO_PRESENT_COUNTRY =
      Set.of("suhh", "csxx", "yucs", "ddde", "zz", "eu", "xx");

  private final Map<String, String> iso3ByIso2;

  CountryCodes(Map<String, String> iso3ByIso2) {
    this.iso3ByIso2 = Map.copyOf(iso3ByIso2);
  }

  /** The codes of the country table {@code h} reads. */
  public static CountryCodes load(Handle h) {
    Map<String, String> map = new java.util.HashMap<>();
    h.createQuery("SELECT iso2, iso3 FROM country WHERE iso2 IS NOT NULL")
        .map((rs, ctx) -> Map.entry(rs.getString("iso2").toUpperCase(Locale.ROOT), rs.getString(2)))
        .forEach(e -> map.put(e.getKey(), e.getValue()));
    return new CountryCodes(map);
  }

  /** True for a country's ISO2 or ISO3 code and for the codes that name no present country. */
  boolean isKnown(String code) {
    String upper = code.strip().toUpperCase(Locale.ROOT);
    return NO_PRESENT_COUNTRY.contains(upper.toLowerCase(Locale.ROOT))
        || iso3ByIso2.containsKey(upper)
        || (upper.length() == 3 && iso3ByIso2.containsValue(upper));
  }

  /** The ISO3 code of a known code (any case), or null when it names no present country. */
  String iso3(String code) {
    String upper = code.strip().toUpperCase(Locale.ROOT);
    if (upper.length() == 3 && iso3ByIso2.containsValue(upper)) {
      return upper;
    }
    return iso3ByIso2.get(upper);
  }
}
