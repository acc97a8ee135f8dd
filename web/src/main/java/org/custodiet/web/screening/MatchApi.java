package org.custodiet.web.screening;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.custodiet.core.model.Iso3;
import org.custodiet.core.screening.Matcher;
import org.custodiet.core.screening.ScreeningQuery;
import org.custodiet.store.screening.ResultJson;
import org.custodiet.store.screening.Screening;
import org.custodiet.store.screening.ScreeningList;
import org.custodiet.web.http.HttpProblem;

/**
 * {@code POST /api/v1/match}: a batch of names screened in one request. A read that takes a body,
 * so anyone may call it; every query is checked before any is screened, and the first fault is
 * answered with the field it is in ({@code queries[3].name}).
 */
final class MatchApi {
  /** Most queries in one request. */
  static final int MAX_BATCH = 1000;

  static final int MAX_COUNTRIES = 20;
  static final int MAX_LISTS = 20;
  static final List<String> FIELDS = List.of("queries", "limit", "threshold");
  static final List<String> QUERY_FIELDS = List.of("name", "schema", "countries", "lists");

  static final ObjectMapper MAPPER = new ObjectMapper();

  private MatchApi() {}

  record Batch(List<ScreeningQuery> queries, int limit, double threshold) {}

  static void match(Context ctx, ScreeningState state) throws IOException {
    Screening screening = state.current();
    Batch batch = parse(body(ctx), screening);
    List<Object> results = new ArrayList<>(batch.queries().size());
    for (ScreeningQuery q : batch.queries()) {
      results.add(ResultJson.result(screening.screen(q, batch.limit(), batch.threshold())));
    }
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("threshold", batch.threshold());
    response.put("lists", lists(screening));
    response.put("results", results);
    ctx.header("Cache-Control", "no-store");
    ctx.contentType("application/json").result(MAPPER.writeValueAsBytes(response));
  }

  static List<Map<String, Object>> lists(Screening screening) {
    List<Map<String, Object>> lists = new ArrayList<>();
    for (ScreeningList l : screening.lists()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", l.id());
      m.put("name", l.name());
      m.put("version", l.latest() == null ? null : l.latest().versionDate().toString());
      m.put("licence", l.licence());
      m.put("source", l.sourceUrl());
      lists.add(m);
    }
    return lists;
  }

  static JsonNode body(Context ctx) {
    byte[] bytes = ctx.bodyAsBytes();
    if (bytes.length == 0) {
      throw new HttpProblem(400, null, "the request needs a JSON body");
    }
    try {
      return MAPPER.readTree(bytes);
    } catch (JsonProcessingException e) {
      throw new HttpProblem(
          400,
          null,
          "the body is not valid JSON (line "
              + (e.getLocation() == null ? 0 : e.getLocation().getLineNr())
              + "): "
              + e.getOriginalMessage());
    } catch (IOException e) {
      throw new HttpProblem(400, null, "the body cannot be read: " + e.getMessage());
    }
  }

  static Batch parse(JsonNode body, Screening screening) {
    if (body == null || !body.isObject()) {
      throw new HttpProblem(400, null, "the body must be a JSON object with \"queries\"");
    }
    unknownFields(body, FIELDS, "");
    JsonNode queries = body.get("queries");
    if (queries == null || !queries.isArray()) {
      throw HttpProblem.badParameter("queries", "must be an array of queries");
    }
    if (queries.isEmpty()) {
      throw HttpProblem.badParameter("queries", "must hold at least one query");
    }
    if (queries.size() > MAX_BATCH) {
      throw new HttpProblem(
          413,
          "queries",
          "queries: "
              + queries.size()
              + " queries in one request, over the limit of "
              + MAX_BATCH
              + "; send them in batches of at most "
              + MAX_BATCH);
    }
    int limit = Screening.DEFAULT_LIMIT;
    if (body.has("limit")) {
      JsonNode l = body.get("limit");
      if (!l.isInt() || l.asInt() < 1 || l.asInt() > Screening.MAX_LIMIT) {
        throw HttpProblem.badParameter(
            "limit", "must be a whole number from 1 to " + Screening.MAX_LIMIT);
      }
      limit = l.asInt();
    }
    double threshold = Matcher.DEFAULT_THRESHOLD;
    if (body.has("threshold")) {
      JsonNode t = body.get("threshold");
      if (!t.isNumber() || !(t.asDouble() > 0) || t.asDouble() > 1) {
        throw HttpProblem.badParameter(
            "threshold",
            "must be a number above 0 and at most 1 (default " + Matcher.DEFAULT_THRESHOLD + ")");
      }
      threshold = t.asDouble();
    }
    List<ScreeningQuery> parsed = new ArrayList<>(queries.size());
    for (int i = 0; i < queries.size(); i++) {
      parsed.add(query(queries.get(i), "queries[" + i + "]", screening));
    }
    return new Batch(parsed, limit, threshold);
  }

  static ScreeningQuery query(JsonNode q, String at, Screening screening) {
    if (!q.isObject()) {
      throw HttpProblem.badParameter(at, "must be an object with a \"name\"");
    }
    unknownFields(q, QUERY_FIELDS, at + ".");
    JsonNode name = q.get("name");
    if (name == null || !name.isTextual()) {
      throw HttpProblem.badParameter(at + ".name", "is required and must be a string");
    }
    String problem = Screening.nameProblem(name.asText());
    if (problem != null) {
      throw HttpProblem.badParameter(at + ".name", problem);
    }
    String schema = null;
    if (q.hasNonNull("schema")) {
      JsonNode s = q.get("schema");
      if (!s.isTextual() || !s.asText().matches("[A-Z][A-Za-z]{1,39}")) {
        throw HttpProblem.badParameter(
            at + ".schema", "must be a FollowTheMoney schema name such as Company or Person");
      }
      schema = s.asText();
    }
    Set<String> countries = new LinkedHashSet<>();
    for (String c : strings(q, "countries", at, MAX_COUNTRIES)) {
      String iso3 = c.toUpperCase(Locale.ROOT);
      if (!Iso3.isWellFormed(iso3)) {
        throw HttpProblem.badParameter(
            at + ".countries", "'" + shorten(c) + "' is not an ISO3 code");
      }
      countries.add(iso3);
    }
    Set<String> lists = new LinkedHashSet<>();
    for (String l : strings(q, "lists", at, MAX_LISTS)) {
      if (!screening.hasList(l)) {
        throw HttpProblem.badParameter(at + ".lists", "no screening list '" + shorten(l) + "'");
      }
      lists.add(l);
    }
    return new ScreeningQuery(name.asText(), schema, countries, lists);
  }

  private static List<String> strings(JsonNode q, String field, String at, int max) {
    JsonNode v = q.get(field);
    if (v == null || v.isNull()) {
      return List.of();
    }
    if (!v.isArray() || v.size() > max) {
      throw HttpProblem.badParameter(
          at + "." + field, "must be an array of at most " + max + " strings");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode item : v) {
      if (!item.isTextual()) {
        throw HttpProblem.badParameter(at + "." + field, "must be an array of strings");
      }
      out.add(item.asText());
    }
    return out;
  }

  private static void unknownFields(JsonNode node, List<String> known, String prefix) {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String n = names.next();
      if (!known.contains(n)) {
        throw HttpProblem.badParameter(
            prefix + shorten(n), "unknown field; known fields are " + String.join(", ", known));
      }
    }
  }

  static String shorten(String s) {
    return s.length() <= 60 ? s : s.substring(0, 60) + "…";
  }
}
