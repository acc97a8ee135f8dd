package org.custodiet.web.screening;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.custodiet.core.account.Role;
import org.custodiet.core.index.CountryProfile;
import org.custodiet.core.index.IndexQuery;
import org.custodiet.core.model.Iso3;
import org.custodiet.core.model.Technology;
import org.custodiet.core.rules.CodingRules;
import org.custodiet.core.screening.ScreeningQuery;
import org.custodiet.store.release.Release;
import org.custodiet.store.release.Releases;
import org.custodiet.store.screening.Screening;
import org.custodiet.web.Site;
import org.custodiet.web.auth.Auth;
import org.custodiet.web.http.AsOfDate;
import org.custodiet.web.pages.Chrome;

/** The screening form ({@code /screen}) and the destination report ({@code /report}, PDF too). */
final class ScreeningPages {
  static final String HTML = "text/html; charset=utf-8";
  static final int MAX_END_USER = 500;

  private final Site site;
  private final ScreeningState state;

  ScreeningPages(Site site, ScreeningState state) {
    this.site = site;
    this.state = state;
  }

  private static String param(Context ctx, String name) {
    String v = ctx.queryParam(name);
    return v == null ? "" : v.strip();
  }

  void screen(Context ctx) {
    ScreenForm form =
        new ScreenForm(
            param(ctx, "name"), param(ctx, "country"), param(ctx, "schema"), param(ctx, "list"));
    Screening screening = state.current();
    Map<String, Object> model = new LinkedHashMap<>();
    model.put(
        "chrome", new Chrome("Screen a name", "screen", AsOfDate.today(), CodingRules.VERSION));
    model.put("form", form);
    model.put("lists", screening.lists());
    model.put("result", null);
    model.put("error", null);
    boolean curator = Auth.principal(ctx).map(p -> p.role().permits(Role.CURATOR)).orElse(false);
    model.put("canDecide", curator);
    model.put("csrf", curator ? Auth.csrfToken(ctx) : "");
    if (!form.name().isEmpty()) {
      try {
        model.put("result", screening.screen(query(form, screening), Screening.DEFAULT_LIMIT));
      } catch (IllegalArgumentException e) {
        ctx.status(400);
        model.put("error", e.getMessage());
      }
    }
    ctx.header("Cache-Control", "no-store");
    ctx.contentType(HTML).result(ScreeningTemplates.render("screen.jte", model));
  }

  private ScreeningQuery query(ScreenForm form, Screening screening) {
    String problem = Screening.nameProblem(form.name());
    if (problem != null) {
      throw new IllegalArgumentException("Name " + problem + ".");
    }
    String iso3 = country(form.country());
    if (!form.schema().isEmpty() && !form.schema().matches("[A-Z][A-Za-z]{1,39}")) {
      throw new IllegalArgumentException(
          "Schema must be a FollowTheMoney schema name such as Company or Person.");
    }
    if (!form.list().isEmpty() && !screening.hasList(form.list())) {
      throw new IllegalArgumentException("There is no screening list '" + form.list() + "'.");
    }
    return new ScreeningQuery(
        form.name(),
        form.schema().isEmpty() ? null : form.schema(),
        iso3 == null ? Set.of() : Set.of(iso3),
        form.list().isEmpty() ? Set.of() : Set.of(form.list()));
  }

  private String country(String code) {
    if (code.isEmpty()) {
      return null;
    }
    String iso3 = code.toUpperCase(Locale.ROOT);
    if (!Iso3.isWellFormed(iso3) || !site.current().knowledgeBase().countries().containsKey(iso3)) {
      throw new IllegalArgumentException("Country must be a known ISO3 code such as KEN.");
    }
    return iso3;
  }

  void reportPage(Context ctx) {
    ReportForm form = reportForm(ctx);
    Map<String, Object> model = new LinkedHashMap<>();
    model.put(
        "chrome",
        new Chrome("Destination report", "report", AsOfDate.today(), CodingRules.VERSION));
    model.put("form", form);
    model.put("v", new ReportView(site.current().knowledgeBase()));
    model.put("report", null);
    model.put("error", null);
    model.put("pdfQuery", "");
    if (!form.counterparty().isEmpty() || !form.destination().isEmpty()) {
      try {
        model.put("report", report(form));
        model.put("pdfQuery", ctx.queryString());
      } catch (IllegalArgumentException e) {
        ctx.status(400);
        model.put("error", e.getMessage());
      }
    }
    ctx.header("Cache-Control", "no-store");
    ctx.contentType(HTML).result(ScreeningTemplates.render("report.jte", model));
  }

  void reportPdf(Context ctx) {
    ReportForm form = reportForm(ctx);
    DestinationReport report;
    try {
      report = report(form);
    } catch (IllegalArgumentException e) {
      throw new org.custodiet.web.http.HttpProblem(400, null, e.getMessage());
    }
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("r", report);
    model.put("v", new ReportView(site.current().knowledgeBase()));
    byte[] pdf = PdfReport.render(ScreeningTemplates.render("report-pdf.jte", model));
    ctx.header("Cache-Control", "no-store");
    ctx.header(
        "Content-Disposition",
        "attachment; filename=\"custodiet-report-" + report.date() + ".pdf\"");
    ctx.contentType("application/pdf").result(pdf);
  }

  private static ReportForm reportForm(Context ctx) {
    return new ReportForm(
        param(ctx, "counterparty"),
        param(ctx, "destination"),
        param(ctx, "technology"),
        param(ctx, "end_user"));
  }

  DestinationReport report(ReportForm form) {
    Screening screening = state.current();
    Site.Snapshot snapshot = site.current();
    String problem = Screening.nameProblem(form.counterparty());
    if (problem != null) {
      throw new IllegalArgumentException("Counterparty " + problem + ".");
    }
    if (form.destination().isEmpty()) {
      throw new IllegalArgumentException("Destination: give the destination country's ISO3 code.");
    }
    String iso3 = country(form.destination());
    Technology technology = null;
    if (!form.technology().isEmpty()) {
      technology = snapshot.knowledgeBase().technologies().get(form.technology());
      if (technology == null) {
        throw new IllegalArgumentException("There is no technology '" + form.technology() + "'.");
      }
    }
    if (form.endUser().length() > MAX_END_USER) {
      throw new IllegalArgumentException(
          "End-user description is longer than " + MAX_END_USER + " characters.");
    }
    if (form.endUser().chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("End-user description contains control characters.");
    }
    LocalDate today = AsOfDate.today();
    Screening.Result hits =
        screening.screen(ScreeningQuery.of(form.counterparty()), Screening.DEFAULT_LIMIT);
    CountryProfile profile = snapshot.profiles().country(iso3, IndexQuery.living(today));
    return DestinationReport.build(
        today,
        dataVersion(snapshot),
        List.copyOf(screening.lists()),
        new DestinationReport.Request(form.counterparty(), iso3, form.technology(), form.endUser()),
        technology,
        hits,
        profile);
  }

  /**
   * The data the report rests on: the live snapshot and coding rules that computed it, and the
   * newest published release, so a reader can tell how far the live data is from it.
   */
  private String dataVersion(Site.Snapshot snapshot) {
    List<Release> releases = new Releases(site.database()).list();
    return "live data (snapshot "
        + snapshot.tag()
        + ", coding rules "
        + CodingRules.VERSION
        + "); latest release: "
        + (releases.isEmpty()
            ? "none yet"
            : releases.get(0).name() + " as of " + releases.get(0).asOf());
  }
}
