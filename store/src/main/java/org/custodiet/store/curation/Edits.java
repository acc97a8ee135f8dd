package org.custodiet.store.curation;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.custodiet.core.model.PublicationDate;
import org.custodiet.core.model.Slug;

/**
 * Fields a curator gives with a decision, by name, as typed: blank means "not given". Every value
 * is checked for form and length here; whether a company, country or technology exists is checked
 * against the database by the service.
 */
public final class Edits {
  /** Fields accepted with an acceptance (changes to the candidate and to the source). */
  public static final Set<String> ACCEPT_FIELDS =
      Set.of(
          "supplier",
          "country",
          "technology",
          "city",
          "agency",
          "stage",
          "observed_from",
          "observed_to",
          "lender",
          "instrument",
          "amount",
          "currency",
          "tier",
          "source_kind",
          "source_url",
          "publisher",
          "publisher_group",
          "summary");

  /** Fields a claim edit may change; the others make up the claim's identity. */
  public static final Set<String> CLAIM_FIELDS =
      Set.of(
          "city",
          "agency",
          "stage",
          "observed_from",
          "observed_to",
          "instrument",
          "amount",
          "currency");

  static final Set<String> STAGES = Set.of("contracted", "deployed", "trial", "unspecified");
  static final Set<String> INSTRUMENTS =
      Set.of("concessional_loan", "loan", "export_credit", "grant", "commercial", "unknown");
  static final Set<String> SOURCE_KINDS =
      Set.of("official", "established_media", "ngo_report", "trade_press", "other");

  private static final Map<String, Integer> MAX_LENGTH =
      Map.ofEntries(
          Map.entry("supplier", 80),
          Map.entry("country", 3),
          Map.entry("technology", 100),
          Map.entry("city", 300),
          Map.entry("agency", 500),
          Map.entry("stage", 20),
          Map.entry("observed_from", 10),
          Map.entry("observed_to", 10),
          Map.entry("lender", 80),
          Map.entry("instrument", 20),
          Map.entry("amount", 30),
          Map.entry("currency", 3),
          Map.entry("tier", 1),
          Map.entry("source_kind", 30),
          Map.entry("source_url", 2000),
          Map.entry("publisher", 500),
          Map.entry("publisher_group", 500),
          Map.entry("summary", 2000));

  private final Map<String, String> values;

  private Edits(Map<String, String> values) {
    this.values = values;
  }

  public static final Edits NONE = new Edits(Map.of());

  /** Reads fields allowed in {@code allowed}; refuses unknown names and malformed values. */
  public static Edits of(Map<String, String> given, Set<String> allowed) {
    Map<String, String> values = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : given.entrySet()) {
      String name = e.getKey();
      if (!allowed.contains(name)) {
        throw CurationException.invalid(
            name.length() > 40 ? name.substring(0, 40) : name, "not a field that can be set here");
      }
      String value = e.getValue() == null ? "" : e.getValue().strip();
      if (value.isEmpty()) {
        continue;
      }
      int max = MAX_LENGTH.get(name);
      if (value.length() > max) {
        throw CurationException.invalid(
            name, "value of " + value.length() + " characters is longer than the limit of " + max);
      }
      values.put(name, check(name, value));
    }
    return new Edits(values);
  }

  private static String check(String name, String value) {
    switch (name) {
      case "supplier", "lender" -> {
        if (!Slug.isWellFormed(value)) {
          throw CurationException.invalid(
              name, "'" + value + "' is not a company id like 'huawei' or 'china-exim-bank'");
        }
      }
      case "country" -> {
        value = value.toUpperCase(Locale.ROOT);
        if (!value.matches("[A-Z]{3}")) {
          throw CurationException.invalid(name, "'" + value + "' is not an ISO 3166 alpha-3 code");
        }
      }
      case "technology" -> {
        if (!value.matches("[a-z][a-z0-9_:]*")) {
          throw CurationException.invalid(
              name, "'" + value + "' is not a taxonomy code like 'facial_recognition'");
        }
      }
      case "stage" -> requireOneOf(name, value, STAGES);
      case "instrument" -> requireOneOf(name, value, INSTRUMENTS);
      case "source_kind" -> requireOneOf(name, value, SOURCE_KINDS);
      case "tier" -> {
        value = value.toUpperCase(Locale.ROOT);
        if (!value.matches("[ABC]")) {
          throw CurationException.invalid(name, "'" + value + "' is not a tier: use A, B or C");
        }
      }
      case "currency" -> {
        value = value.toUpperCase(Locale.ROOT);
        if (!value.matches("[A-Z]{3}")) {
          throw CurationException.invalid(name, "'" + value + "' is not an ISO 4217 code");
        }
      }
      case "amount" -> {
        BigDecimal amount;
        try {
          amount = new BigDecimal(value);
        } catch (NumberFormatException e) {
          throw CurationException.invalid(name, "'" + value + "' is not a decimal number");
        }
        if (amount.signum() < 0 || amount.precision() - amount.scale() > 18) {
          throw CurationException.invalid(name, "'" + value + "' is out of range");
        }
      }
      case "observed_from", "observed_to" -> {
        try {
          PublicationDate.parse(value);
        } catch (RuntimeException e) {
          throw CurationException.invalid(
              name, "'" + value + "' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
        }
      }
      default -> {
        // free text, length checked above
      }
    }
    return value;
  }

  private static void requireOneOf(String name, String value, Set<String> allowed) {
    if (!allowed.contains(value)) {
      throw CurationException.invalid(
          name,
          "'" + value + "' is not one of " + String.join(", ", new java.util.TreeSet<>(allowed)));
    }
  }

  /** The value given for {@code name}, or null. */
  public String get(String name) {
    return values.get(name);
  }

  /** The value given, or {@code fallback} when none was. */
  public String get(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  public boolean has(String name) {
    return values.containsKey(name);
  }

  /** The fields given, for the decision log. */
  public Map<String, String> asMap() {
    return Map.copyOf(values);
  }
}
