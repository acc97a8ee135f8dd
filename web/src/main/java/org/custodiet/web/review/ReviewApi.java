package org.custodiet.web.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custodiet.core.account.Principal;
import org.custodiet.core.account.Role;
import org.custodiet.store.curation.CandidateRow;
import org.custodiet.store.curation.CurationException;
import org.custodiet.store.curation.CurationService;
import org.custodiet.store.curation.Decision;
import org.custodiet.store.curation.Edits;
import org.custodiet.store.curation.ReviewQueue;
import org.custodiet.web.Site;
import org.custodiet.web.auth.Auth;
import org.custodiet.web.http.HttpProblem;

/**
 * The review API for scripts (Bearer tokens): the queue, and decisions on candidates and claims,
 * each answered only after it committed. Documented in {@code openapi.json}.
 */
final class ReviewApi {
  private static final String BASE = "/api/v1";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int DEFAULT_LIMIT = 50;

  private final CurationService curation;
  private final ReviewQueue queue;
  private final Decisions decisions;

  private ReviewApi(Site site, Decisions decisions) {
    this.curation = new CurationService(site.database());
    this.queue = new ReviewQueue(site.database());
    this.decisions = decisions;
  }

  static void register(JavalinConfig config, Site site, Decisions decisions) {
    ReviewApi api = new ReviewApi(site, decisions);
    config.routes.get(BASE + "/candidates", api::list);
    config.routes.post(BASE + "/candidates/{id}/accept", api::accept);
    config.routes.post(BASE + "/candidates/{id}/reject", api::reject);
    config.routes.post(BASE + "/claims/<id>/dispute", api::dispute);
    config.routes.post(BASE + "/claims/<id>/retract", api::retract);
  }

  private void list(Context ctx) {
    Auth.require(ctx, Role.CURATOR);
    Set<String> known =
        Set.of(
            "status",
            "sort",
            "country",
            "technology",
            "supplier",
            "min_confidence",
            "offset",
            "limit");
    for (String name : ctx.queryParamMap().keySet()) {
      if (!known.contains(name)) {
        throw HttpProblem.badParameter(name, "unknown parameter");
      }
    }
    ReviewQueue.Query q;
    try {
      q =
          new ReviewQueue.Query(
              orDefault(ctx.queryParam("status"), "pending"),
              orDefault(ctx.queryParam("sort"), "confidence"),
              ctx.queryParam("country"),
              ctx.queryParam("technology"),
              ctx.queryParam("supplier"),
              number(ctx, "min_confidence", 0),
              (int) number(ctx, "offset", 0),
              (int) number(ctx, "limit", DEFAULT_LIMIT));
    } catch (CurationException e) {
      throw Decisions.problem(e);
    }
    ReviewQueue.Page page = queue.list(q);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("total", page.total());
    body.put("offset", q.offset());
    body.put("limit", q.limit());
    body.put("candidates", page.items().stream().map(ReviewApi::candidate).toList());
    ctx.header("Cache-Control", "no-store").json(body);
  }

  private static Map<String, Object> candidate(ReviewQueue.Item item) {
    CandidateRow c = item.candidate();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", c.id());
    m.put("status", c.status());
    m.put("decision", item.decision());
    m.put("confidence", c.confidence());
    m.put("supplier_company_id", c.supplierId());
    m.put("country_iso3", c.countryIso3());
    m.put("technology", c.technology());
    m.put("city", c.city());
    if (c.instrument() == null) {
      m.put("financing", null);
    } else {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("lender_id", c.lenderId());
      f.put("instrument", c.instrument());
      f.put("amount_usd", c.amountText());
      m.put("financing", f);
    }
    m.put("evidence", c.spanText());
    m.put("span", List.of(c.spanStart(), c.spanEnd()));
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("id", c.documentId());
    d.put("url", c.documentUrl());
    d.put("title", c.documentTitle());
    d.put("published", c.documentPublished());
    d.put("publisher_group", c.publisherGroup());
    m.put("document", d);
    m.put("created_at", c.createdAt().toString());
    return m;
  }

  private void accept(Context ctx) {
    Principal who = Auth.require(ctx, Role.CURATOR);
    long id = candidateId(ctx);
    Map<String, String> body = body(ctx);
    String reason = body.remove("reason");
    Edits edits;
    try {
      edits = Edits.of(body, Edits.ACCEPT_FIELDS);
    } catch (CurationException e) {
      throw Decisions.problem(e);
    }
    answer(ctx, decisions.run(() -> curation.accept(id, edits, reason, who)));
  }

  private void reject(Context ctx) {
    Principal who = Auth.require(ctx, Role.CURATOR);
    long id = candidateId(ctx);
    String reason = reasonOnly(ctx);
    answer(ctx, decisions.run(() -> curation.reject(id, reason, who)));
  }

  private void dispute(Context ctx) {
    Principal who = Auth.require(ctx, Role.CURATOR);
    String id = ReviewRoutes.claimId(ctx);
    String reason = reasonOnly(ctx);
    answer(ctx, decisions.run(() -> curation.dispute(id, reason, who)));
  }

  private void retract(Context ctx) {
    Principal who = Auth.require(ctx, Role.CURATOR);
    String id = ReviewRoutes.claimId(ctx);
    String reason = reasonOnly(ctx);
    answer(ctx, decisions.run(() -> curation.retract(id, reason, who)));
  }

  private static void answer(Context ctx, Decision d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("action", d.action());
    m.put("subject_type", d.subjectType());
    m.put("subject_id", d.subjectId());
    m.put("claims", d.claims());
    m.put("created_claims", d.createdClaims());
    m.put("source_id", d.sourceId());
    m.put("also_decided", d.alsoDecided());
    m.put("audit_seq", d.auditSeq());
    ctx.header("Cache-Control", "no-store").json(m);
  }

  private static String reasonOnly(Context ctx) {
    Map<String, String> body = body(ctx);
    String reason = body.remove("reason");
    if (!body.isEmpty()) {
      throw HttpProblem.badParameter(body.keySet().iterator().next(), "unknown field");
    }
    return reason;
  }

  /** The request's JSON object as field names to text; numbers are taken as their text. */
  private static Map<String, String> body(Context ctx) {
    String text = ctx.body();
    if (text.isBlank()) {
      return new LinkedHashMap<>();
    }
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw HttpProblem.badParameter("body", "not valid JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw HttpProblem.badParameter("body", "must be a JSON object");
    }
    Map<String, String> fields = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = root.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String name = e.getKey().length() > 40 ? e.getKey().substring(0, 40) : e.getKey();
      JsonNode v = e.getValue();
      if (v.isNull()) {
        continue;
      }
      if (!v.isTextual() && !v.isNumber()) {
        throw HttpProblem.badParameter(name, "must be a string");
      }
      fields.put(e.getKey(), v.asText());
    }
    return fields;
  }

  private static long candidateId(Context ctx) {
    String raw = ctx.pathParam("id");
    if (!raw.matches("[0-9]{1,18}")) {
      throw HttpProblem.notFound("no candidate '" + ReviewRoutes.shorten(raw) + "'");
    }
    return Long.parseLong(raw);
  }

  private static double number(Context ctx, String name, double fallback) {
    String raw = ctx.queryParam(name);
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    try {
      double value = Double.parseDouble(raw);
      if (!name.equals("min_confidence") && value != Math.rint(value)) {
        throw new NumberFormatException();
      }
      return value;
    } catch (NumberFormatException e) {
      throw HttpProblem.badParameter(name, "'" + raw + "' is not a number");
    }
  }

  private static String orDefault(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }
}
