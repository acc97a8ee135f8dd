package org.custodiet.web.api;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.custodiet.core.index.IndexQuery;
import org.custodiet.core.model.KnowledgeBase;
import org.custodiet.web.http.AsOfDate;
import org.custodiet.web.http.HttpProblem;

/**
 * The query parameters of one API request, read strictly: unknown names, repeated parameters and
 * malformed values are refused with a 400 naming the parameter, never guessed at.
 */
final class Params {

  private final Map<String, List<String>> values;

  private Params(Map<String, List<String>> values) {
    this.values = values;
  }

  /** The request's parameters, refusing any name not in {@code allowed}. */
  static Params of(Context ctx, Set<String> allowed) {
    Map<String, List<String>> values = ctx.queryParamMap();
    for (Map.Entry<String, List<String>> e : values.entrySet()) {
      if (!allowed.contains(e.getKey())) {
        throw HttpProblem.badParameter(
            e.getKey(),
            "unknown parameter; this endpoint takes "
                + String.join(", ", allowed.stream().sorted().toList()));
      }
      if (e.getValue().size() > 1) {
        throw HttpProblem.badParameter(e.getKey(), "given more than once");
      }
    }
    return new Params(values);
  }

  /** The value, or null when absent; an empty value counts as absent. */
  String text(String name) {
    List<String> v = values.get(name);
    if (v == null || v.isEmpty() || v.get(0).isEmpty()) {
      return null;
    }
    return v.get(0);
  }

  /** {@code as_of} (default today) and {@code source} (default: the living index). */
  IndexQuery query(KnowledgeBase kb) {
    return new IndexQuery(date("as_of"), sourceId(kb, "source"));
  }

  LocalDate date(String name) {
    try {
      return AsOfDate.parse(text(name));
    } catch (IllegalArgumentException e) {
      throw HttpProblem.badParameter(name, e.getMessage());
    }
  }

  String sourceId(KnowledgeBase kb, String name) {
    return knownKey(name, kb.sources(), "source", "");
  }

  String country(KnowledgeBase kb, String name) {
    String iso3 = text(name);
    if (iso3 == null) {
      return null;
    }
    String upper = iso3.toUpperCase(Locale.ROOT);
    if (!kb.countries().containsKey(upper)) {
      throw HttpProblem.badParameter(name, "unknown country '" + iso3 + "' (give an ISO3 code)");
    }
    return upper;
  }

  String company(KnowledgeBase kb, String name) {
    return knownKey(name, kb.companies(), "company", " (give a company id)");
  }

  String technology(KnowledgeBase kb, String name) {
    return knownKey(
        name, kb.technologies(), "technology", "; one of " + kb.technologies().keySet());
  }

  /** The parameter's value, which when given must be one of {@code known}'s keys. */
  private String knownKey(String name, Map<String, ?> known, String what, String hint) {
    String value = text(name);
    if (value != null && !known.containsKey(value)) {
      throw HttpProblem.badParameter(name, "unknown " + what + " '" + value + "'" + hint);
    }
    return value;
  }

  <E extends Enum<E>> E choice(String name, Class<E> type, Set<E> allowed) {
    String text = text(name);
    if (text == null) {
      return null;
    }
    for (E e : allowed) {
      if (e.name().equalsIgnoreCase(text)) {
        return e;
      }
    }
    throw HttpProblem.badParameter(
        name,
        "'"
            + text
            + "' is not one of "
            + allowed.stream().map(e -> e.name().toLowerCase(Locale.ROOT)).sorted().toList());
  }

  boolean flag(String name) {
    String text = text(name);
    if (text == null || text.equals("false")) {
      return false;
    }
    if (text.equals("true")) {
      return true;
    }
    throw HttpProblem.badParameter(name, "'" + text + "' is not true or false");
  }

  int integer(String name, int fallback, int min, int max) {
    String text = text(name);
    if (text == null) {
      return fallback;
    }
    if (!text.matches("-?\\d{1,10}")) {
      throw HttpProblem.badParameter(name, "'" + text + "' is not a whole number");
    }
    long value = Long.parseLong(text);
    if (value < min || value > max) {
      throw HttpProblem.badParameter(
          name, "must be between " + min + " and " + max + ", got " + text);
    }
    return (int) value;
  }

  /**
   * For the tabular endpoints: JSON unless {@code format=csv} or, without a format, an Accept
   * header asking for CSV and not JSON.
   */
  Format format(Context ctx) {
    String text = text("format");
    if (text != null) {
      return switch (text) {
        case "json" -> Format.JSON;
        case "csv" -> Format.CSV;
        default -> throw HttpProblem.badParameter("format", "'" + text + "' is not json or csv");
      };
    }
    String accept = ctx.header("Accept");
    if (accept != null && accept.contains("text/csv") && !accept.contains("json")) {
      return Format.CSV;
    }
    return Format.JSON;
  }

  enum Format {
    JSON,
    CSV
  }
}
