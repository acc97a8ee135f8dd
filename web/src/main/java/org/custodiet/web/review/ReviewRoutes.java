package org.custodiet.web.review;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodiet.core.account.Principal;
import org.custodiet.core.account.Role;
import org.custodiet.core.index.IndexQuery;
import org.custodiet.core.rules.CodingRules;
import org.custodiet.store.curation.CurationException;
import org.custodiet.store.curation.CurationService;
import org.custodiet.store.curation.Decision;
import org.custodiet.store.curation.Edits;
import org.custodiet.store.curation.ReviewQueue;
import org.custodiet.web.Site;
import org.custodiet.web.auth.Auth;
import org.custodiet.web.http.AsOfDate;
import org.custodiet.web.http.HttpProblem;
import org.custodiet.web.pages.Chrome;
import org.custodiet.web.pages.Templates;
import org.custodiet.web.pages.View;

/**
 * The review screens: the queue of candidate claims, one candidate with its article, the forms that
 * decide them, and each claim's page with its history and the curator's dispute, retract and edit
 * forms. Every write calls {@link Auth#require} first and answers only after its transaction
 * committed and the site shows it.
 */
public final class ReviewRoutes {
  static final int PAGE_SIZE = 50;

  /** Most candidates one bulk action decides. */
  static final int MAX_BULK = 500;

  /** Longest document text shown whole; longer ones are cut around the evidence span. */
  static final int MAX_SHOWN = 40_000;

  private static final String HTML = "text/html; charset=utf-8";

  private final Site site;
  private final CurationService curation;
  private final ReviewQueue queue;
  private final Decisions decisions;

  private ReviewRoutes(Site site, Decisions decisions) {
    this.site = site;
    this.curation = new CurationService(site.database());
    this.queue = new ReviewQueue(site.database());
    this.decisions = decisions;
  }

  public static void register(JavalinConfig config, Site site) {
    Decisions decisions = new Decisions(site);
    ReviewRoutes r = new ReviewRoutes(site, decisions);
    var routes = config.routes;
    routes.get("/review", r::queuePage);
    routes.get("/review/{id}", r::candidatePage);
    routes.post("/review/bulk", r::bulk);
    routes.post("/review/{id}/accept", r::accept);
    routes.post("/review/{id}/reject", r::reject);
    routes.post("/review/{id}/merge", r::merge);
    routes.get("/claims/<id>", r::claimPage);
    routes.post("/claims/<id>/dispute", r::dispute);
    routes.post("/claims/<id>/retract", r::retract);
    routes.post("/claims/<id>/edit", r::edit);
    ReviewApi.register(config, site, decisions);
  }

  // ---- Pages --------------------------------------------------------------------------------

  private void queuePage(Context ctx) {
    Auth.require(ctx, Role.CURATOR);
    ReviewQueue.Query q = query(ctx);
    ReviewQueue.Page page = queue.list(q);
    Map<String, String> params = queryParams(q);
    String here = "/review?" + ReviewPages.query(params);
    String previous = null;
    String next = null;
    if (q.offset() > 0) {
      Map<String, String> p = new LinkedHashMap<>(params);
      p.put("offset", Integer.toString(Math.max(0, q.offset() - q.limit())));
      previous = "/review?" + ReviewPages.query(p);
    }
    if (q.offset() + q.limit() < page.total()) {
      Map<String, String> p = new LinkedHashMap<>(params);
      p.put("offset", Integer.toString(q.offset() + q.limit()));
      next = "/review?" + ReviewPages.query(p);
    }
    Map<String, Object> model = new HashMap<>();
    model.put("chrome", chrome("Review queue"));
    model.put("v", view());
    model.put(
        "q",
        new ReviewPages.Queue(page, q, Auth.csrfToken(ctx), notice(ctx), here, previous, next));
    html(ctx, Templates.render("review.jte", model));
  }

  private void candidatePage(Context ctx) {
    Auth.require(ctx, Role.CURATOR);
    long id = candidateId(ctx);
    ReviewQueue.Item item =
        queue.find(id).orElseThrow(() -> HttpProblem.notFound("no candidate " + id));
    var c = item.candidate();
    String text = queue.documentText(c.documentId()).orElse("");
    int from = 0;
    int to = text.length();
    if (text.length() > MAX_SHOWN) {
      from = Math.max(0, c.spanStart() - MAX_SHOWN / 2);
      to = Math.min(text.length(), Math.max(c.spanEnd(), from + MAX_SHOWN));
    }
    CurationService.Preview preview;
    try {
      preview = curation.preview(id, Edits.NONE);
    } catch (CurationException e) {
      throw Decisions.problem(e);
    }
    View v = view();
    Map<String, Object> model = new HashMap<>();
    model.put("chrome", chrome("Candidate " + id));
    model.put("v", v);
    model.put(
        "c",
        new ReviewPages.Candidate(
            item,
            text.substring(from, c.spanStart()),
            text.substring(c.spanStart(), c.spanEnd()),
            text.substring(c.spanEnd(), to),
            from > 0,
            to < text.length(),
            preview,
            queue.claimsOf(id),
            v.companyName(c.supplierId()),
            v.countryName(c.countryIso3()),
            v.technologyLabel(c.technology()),
            Auth.csrfToken(ctx),
            notice(ctx)));
    html(ctx, Templates.render("review-candidate.jte", model));
  }

  private void claimPage(Context ctx) {
    String id = claimId(ctx);
    Site.Snapshot s = site.current();
    if (!s.knowledgeBase().claims().containsKey(id)) {
      throw HttpProblem.notFound("no claim '" + shorten(id) + "'");
    }
    LocalDate today = AsOfDate.today();
    boolean curator = Auth.principal(ctx).map(p -> p.role().permits(Role.CURATOR)).orElse(false);
    Map<String, Object> model = new HashMap<>();
    model.put("chrome", chrome("Claim " + id));
    model.put("v", view());
    model.put(
        "p",
        new ReviewPages.Claim(
            s.profiles().claim(id, IndexQuery.living(today)),
            queue.history(id),
            curator,
            curator ? Auth.csrfToken(ctx) : "",
            notice(ctx)));
    html(ctx, Templates.render("claim-history.jte", model));
  }

  // ---- Candidate decisions ------------------------------------------------------------------

  private void accept(Context ctx) {
    Principal who = Auth.require(ctx, Role.CURATOR);
    long id = candidateId(ctx);
    Edits edits = edits(ctx, Edits.ACCEPT_FIELDS);
    Decision d = decisions.run(() -> curation.accept(id, edits, ctx.formParam("reason"), who));
    done(ctx, "accepted", d);
  }

  private void reject(Context ctx) {
    Principal who = Auth.require(ctx, Role.CURATOR);
    long id = candidateId(ctx);
    Decision d = decisions.run(() -> curation.reject(id, ctx.formParam("reason"), who));
    done(ctx, "rejected", d);
  }

  private void merge(Context ctx) {
    Principal who = Auth.require(ctx, Role.CURATOR);
    long id = candidateId(ctx);
    String intoCandidate = blankToNull(ctx.formParam("into_candidate"));
    String intoClaim = blankToNull(ctx.formParam("into_claim"));
    if ((intoCandidate == null) == (intoClaim == null)) {
      throw HttpProblem.badParameter(
          "into_candidate", "give either a candidate id or a claim id (into_claim) to merge into");
    }
    String reason = ctx.formParam("reason");
    Decision d;
    if (intoCandidate != null) {
      long target = parseId(intoCandidate, "into_candidate");
      d = decisions.run(() -> curation.mergeIntoCandidate(id, target, reason, who));
    } else {
      d = decisions.run(() -> curation.mergeIntoClaim(id, intoClaim, reason, who));
    }
    done(ctx, "merged", d);
  }

  private void bulk(Context ctx) {
    Principal who = Auth.require(ctx, Role.CURATOR);
    String action = ctx.formParam("action");
    if (!"accept".equals(action) && !"reject".equals(action)) {
      throw HttpProblem.badParameter("action", "must be accept or reject");
    }
    List<String> given = ctx.formParams("ids");
    if (given.isEmpty()) {
      throw HttpProblem.badParameter("ids", "select at least one candidate");
    }
    if (given.size() > MAX_BULK) {
      throw HttpProblem.badParameter("ids", "at most " + MAX_BULK + " candidates at once");
    }
    List<Long> ids = new ArrayList<>();
    for (String s : given) {
      ids.add(parseId(s, "ids"));
    }
    String reason = ctx.formParam("reason");
    if (action.equals("reject") && (reason == null || reason.isBlank())) {
      throw HttpProblem.badParameter("reason", "required to reject");
    }
    int ok = 0;
    List<String> refused = new ArrayList<>();
    for (long id : ids) {
      try {
        if (action.equals("accept")) {
          curation.accept(id, Edits.NONE, reason, who);
        } else {
          curation.reject(id, reason, who);
        }
        ok++;
      } catch (CurationException e) {
        refused.add(id + ": " + e.getMessage());
      }
    }
    if (ok > 0) {
      decisions.reload();
    }
    String notice =
        (action.equals("accept") ? "Accepted " : "Rejected ")
            + ok
            + " of "
            + ids.size()
            + (refused.isEmpty() ? "." : ". Not decided: " + String.join("; ", refused));
    redirectBack(ctx, notice);
  }

  // ---- Claim decisions ----------------------------------------------------------------------

  private void dispute(Context ctx) {
    Principal who = Auth.require(ctx, Role.CURATOR);
    String id = claimId(ctx);
    decisions.run(() -> curation.dispute(id, ctx.formParam("reason"), who));
    ctx.redirect(
        ClaimLinks.page(id) + "?" + Notices.query("Claim disputed.") + "#history",
        HttpStatus.SEE_OTHER);
  }

  private void retract(Context ctx) {
    Principal who = Auth.require(ctx, Role.CURATOR);
    String id = claimId(ctx);
    decisions.run(() -> curation.retract(id, ctx.formParam("reason"), who));
    ctx.redirect(
        ClaimLinks.page(id) + "?" + Notices.query("Claim retracted.") + "#history",
        HttpStatus.SEE_OTHER);
  }

  private void edit(Context ctx) {
    Principal who = Auth.require(ctx, Role.CURATOR);
    String id = claimId(ctx);
    Edits edits = edits(ctx, Edits.CLAIM_FIELDS);
    decisions.run(() -> curation.edit(id, edits, ctx.formParam("reason"), who));
    ctx.redirect(
        ClaimLinks.page(id) + "?" + Notices.query("Claim edited.") + "#history",
        HttpStatus.SEE_OTHER);
  }

  // ---- Helpers ------------------------------------------------------------------------------

  private void done(Context ctx, String verb, Decision d) {
    String notice =
        "Candidate "
            + d.subjectId()
            + " "
            + verb
            + (d.claims().isEmpty() ? "" : ": " + String.join(", ", d.claims()))
            + (d.alsoDecided().isEmpty() ? "" : " (also candidates " + d.alsoDecided() + ")")
            + ".";
    redirectBack(ctx, notice);
  }

  /**
   * Back to the page the form came from ({@code return}, a review address only, so the parameter
   * cannot send anyone elsewhere), carrying a one-line notice.
   */
  private static void redirectBack(Context ctx, String notice) {
    String back = ctx.formParam("return");
    if (back == null || !back.matches("/review(/[0-9]{1,18})?(\\?[A-Za-z0-9_=&%.+\\-]*)?")) {
      back = "/review";
    }
    back = back.replaceAll("[?&](notice|sig)=[^&]*", "");
    if (!back.contains("?") && back.contains("&")) {
      back = back.replaceFirst("&", "?");
    }
    String sep = back.contains("?") ? "&" : "?";
    ctx.redirect((back + sep + Notices.query(notice)).replace("?&", "?"), HttpStatus.SEE_OTHER);
  }

  private static String notice(Context ctx) {
    return Notices.read(ctx.queryParam("notice"), ctx.queryParam("sig"));
  }

  private static Edits edits(Context ctx, java.util.Set<String> allowed) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> e : ctx.formParamMap().entrySet()) {
      String name = e.getKey();
      if (name.equals("_csrf") || name.equals("reason") || name.equals("return")) {
        continue;
      }
      if (e.getValue().size() > 1) {
        throw HttpProblem.badParameter(name, "given more than once");
      }
      fields.put(name, e.getValue().isEmpty() ? "" : e.getValue().get(0));
    }
    try {
      return Edits.of(fields, allowed);
    } catch (CurationException e) {
      throw Decisions.problem(e);
    }
  }

  private static ReviewQueue.Query query(Context ctx) {
    String status = orDefault(ctx.queryParam("status"), "pending");
    String sort = orDefault(ctx.queryParam("sort"), "confidence");
    double min = 0;
    String minText = blankToNull(ctx.queryParam("min_confidence"));
    if (minText != null) {
      try {
        min = Double.parseDouble(minText);
      } catch (NumberFormatException e) {
        throw HttpProblem.badParameter("min_confidence", "'" + minText + "' is not a number");
      }
    }
    int offset = 0;
    String offsetText = blankToNull(ctx.queryParam("offset"));
    if (offsetText != null) {
      try {
        offset = Integer.parseInt(offsetText);
      } catch (NumberFormatException e) {
        throw HttpProblem.badParameter("offset", "'" + offsetText + "' is not a whole number");
      }
    }
    try {
      return new ReviewQueue.Query(
          status,
          sort,
          upper(blankToNull(ctx.queryParam("country"))),
          blankToNull(ctx.queryParam("technology")),
          blankToNull(ctx.queryParam("supplier")),
          min,
          offset,
          PAGE_SIZE);
    } catch (CurationException e) {
      throw Decisions.problem(e);
    }
  }

  private static Map<String, String> queryParams(ReviewQueue.Query q) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("status", q.status());
    p.put("sort", q.sort());
    p.put("country", q.country());
    p.put("technology", q.technology());
    p.put("supplier", q.supplier());
    p.put("min_confidence", q.minConfidence() == 0 ? null : Double.toString(q.minConfidence()));
    p.put("offset", q.offset() == 0 ? null : Integer.toString(q.offset()));
    return p;
  }

  private static long candidateId(Context ctx) {
    String raw = ctx.pathParam("id");
    if (!raw.matches("[0-9]{1,18}")) {
      throw HttpProblem.notFound("no candidate '" + shorten(raw) + "'");
    }
    return Long.parseLong(raw);
  }

  private static long parseId(String raw, String field) {
    if (raw == null || !raw.strip().matches("[0-9]{1,18}")) {
      throw HttpProblem.badParameter(
          field, "'" + shorten(String.valueOf(raw)) + "' is not a candidate id");
    }
    return Long.parseLong(raw.strip());
  }

  static String claimId(Context ctx) {
    String id = ctx.pathParam("id");
    if (id.isBlank() || id.length() > 300) {
      throw HttpProblem.notFound("no claim '" + shorten(id) + "'");
    }
    return id;
  }

  private Chrome chrome(String title) {
    return new Chrome(title, "review", AsOfDate.today(), CodingRules.VERSION);
  }

  private View view() {
    return new View(site.current().knowledgeBase(), AsOfDate.today());
  }

  private static void html(Context ctx, String body) {
    ctx.header("Cache-Control", "no-store").contentType(HTML).result(body);
  }

  private static String orDefault(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static String upper(String value) {
    return value == null ? null : value.toUpperCase(java.util.Locale.ROOT);
  }

  static String shorten(String value) {
    return value.length() > 40 ? value.substring(0, 40) + "…" : value;
  }
}
