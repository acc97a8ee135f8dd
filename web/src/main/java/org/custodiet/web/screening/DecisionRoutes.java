package org.custodiet.web.screening;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodiet.core.account.Principal;
import org.custodiet.core.account.Role;
import org.custodiet.store.screening.Decision;
import org.custodiet.store.screening.ResultJson;
import org.custodiet.store.screening.ScreeningDecisions;
import org.custodiet.web.auth.Auth;
import org.custodiet.web.http.HttpProblem;

/**
 * Curators' verdicts on hits: {@code POST /api/v1/match/decisions} (JSON) and {@code POST
 * /screen/decisions} (the screening page's buttons). Each decision is logged and applies the next
 * time the same name meets the same entry.
 */
final class DecisionRoutes {
  static final List<String> FIELDS = List.of("name", "list", "entry", "verdict", "reason");

  private final ScreeningState state;
  private final ScreeningDecisions decisions;

  DecisionRoutes(ScreeningState state, ScreeningDecisions decisions) {
    this.state = state;
    this.decisions = decisions;
  }

  record Request(String name, String list, String entry, Decision.Verdict verdict, String reason) {}

  void api(Context ctx) throws IOException {
    Principal who = Auth.require(ctx, Role.CURATOR);
    JsonNode body = MatchApi.body(ctx);
    if (!body.isObject()) {
      throw new HttpProblem(400, null, "the body must be a JSON object");
    }
    body.fieldNames()
        .forEachRemaining(
            f -> {
              if (!FIELDS.contains(f)) {
                throw HttpProblem.badParameter(
                    MatchApi.shorten(f), "unknown field; known fields are " + FIELDS);
              }
            });
    Request r =
        request(
            text(body, "name"),
            text(body, "list"),
            text(body, "entry"),
            text(body, "verdict"),
            text(body, "reason"));
    Decision d = record(r, who);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", d.id());
    out.put("list", d.listId());
    out.put("entry", d.entryId());
    out.putAll(ResultJson.decision(d));
    ctx.status(201).header("Cache-Control", "no-store");
    ctx.contentType("application/json").result(MatchApi.MAPPER.writeValueAsBytes(out));
  }

  void form(Context ctx) {
    Principal who = Auth.require(ctx, Role.CURATOR);
    Request r =
        request(
            ctx.formParam("name"),
            ctx.formParam("list"),
            ctx.formParam("entry"),
            ctx.formParam("verdict"),
            ctx.formParam("reason"));
    record(r, who);
    StringBuilder back = new StringBuilder("/screen?name=").append(encode(r.name()));
    for (String field : List.of("country", "schema", "scope")) {
      String v = ctx.formParam(field);
      if (v != null && !v.isBlank() && v.length() <= 100) {
        back.append('&').append(field.equals("scope") ? "list" : field).append('=');
        back.append(encode(v));
      }
    }
    ctx.redirect(back.toString(), io.javalin.http.HttpStatus.SEE_OTHER);
  }

  private Decision record(Request r, Principal who) {
    Decision d;
    try {
      d = decisions.record(r.name(), r.list(), r.entry(), r.verdict(), r.reason(), who.actor());
    } catch (ScreeningDecisions.UnknownEntryException e) {
      throw HttpProblem.notFound(e.getMessage());
    } catch (IllegalArgumentException e) {
      String message = e.getMessage();
      String field = message.startsWith("reason") ? "reason" : "name";
      throw new HttpProblem(400, field, message);
    }
    state.decisionsChanged();
    return d;
  }

  private static String text(JsonNode body, String field) {
    JsonNode v = body.get(field);
    if (v != null && !v.isNull() && !v.isTextual()) {
      throw HttpProblem.badParameter(field, "must be a string");
    }
    return v == null || v.isNull() ? null : v.asText();
  }

  private static Request request(
      String name, String list, String entry, String verdict, String reason) {
    for (String[] f :
        new String[][] {{"name", name}, {"list", list}, {"entry", entry}, {"verdict", verdict}}) {
      if (f[1] == null || f[1].isBlank()) {
        throw HttpProblem.badParameter(f[0], "is required");
      }
      if (f[1].length() > ScreeningDecisions.MAX_QUERY_NAME) {
        throw HttpProblem.badParameter(
            f[0], "is longer than " + ScreeningDecisions.MAX_QUERY_NAME + " characters");
      }
    }
    Decision.Verdict v;
    try {
      v = Decision.Verdict.ofCode(verdict);
    } catch (IllegalArgumentException e) {
      throw HttpProblem.badParameter("verdict", e.getMessage());
    }
    return new Request(name, list, entry, v, reason);
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
