package org.custodiet.web.release;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.custodiet.core.account.Principal;
import org.custodiet.core.account.Role;
import org.custodiet.core.audit.AuditChain;
import org.custodiet.core.index.IndexEngine;
import org.custodiet.core.index.IndexQuery;
import org.custodiet.core.rules.CodingRules;
import org.custodiet.store.audit.AuditLog;
import org.custodiet.store.export.ExportData;
import org.custodiet.store.export.Exports;
import org.custodiet.store.release.FrozenState;
import org.custodiet.store.release.Release;
import org.custodiet.store.release.ReleaseDiff;
import org.custodiet.store.release.ReleaseJson;
import org.custodiet.store.release.Releases;
import org.custodiet.store.release.UnknownReleaseException;
import org.custodiet.web.Site;
import org.custodiet.web.api.ApiRoutes;
import org.custodiet.web.auth.Auth;
import org.custodiet.web.downloads.DownloadRoutes;
import org.custodiet.web.http.AsOfDate;
import org.custodiet.web.http.HttpProblem;
import org.custodiet.web.pages.Chrome;
import org.custodiet.web.pages.Templates;

/**
 * Releases on the web: the pages {@code /releases}, {@code /releases/{name}} and {@code
 * /releases/{a}/diff/{b}}, the release's data downloads, and the API under {@code
 * /api/v1/releases}. {@value Releases#CURRENT} names the live state wherever a release name is
 * taken.
 */
public final class ReleaseRoutes {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String HTML = "text/html; charset=utf-8";

  private final Site site;
  private final Releases releases;

  private ReleaseRoutes(Site site) {
    this.site = site;
    this.releases = new Releases(site.database());
  }

  public static void register(JavalinConfig config, Site site) {
    ReleaseRoutes routes = new ReleaseRoutes(site);
    config.routes.get("/releases", routes::listPage);
    config.routes.post("/releases", routes::create);
    config.routes.get("/releases/{name}", routes::releasePage);
    config.routes.get("/releases/{name}/diff/{other}", routes::diffPage);
    config.routes.get("/releases/{name}/downloads/{file}", routes::download);
    config.routes.get(ApiRoutes.BASE + "/releases", routes::listApi);
    config.routes.get(ApiRoutes.BASE + "/releases/{name}", routes::releaseApi);
    config.routes.get(ApiRoutes.BASE + "/releases/{name}/diff/{other}", routes::diffApi);
  }

  /** A release as shown: stored, or the live state under the name "current". */
  record Shown(Release release, FrozenState state, boolean live) {}

  private Shown shown(String name) {
    checkName(name);
    if (Releases.CURRENT.equals(name)) {
      IndexEngine engine = site.current().engine();
      FrozenState state = FrozenState.of(engine, releases.today());
      AuditChain.Head head = new AuditLog(site.database()).head();
      int established =
          (int) state.claims().stream().filter(c -> c.status().equals("established")).count();
      Release live =
          new Release(
              Releases.CURRENT,
              "The live state, as of today",
              state.asOf(),
              java.time.Instant.now().toString(),
              "live",
              CodingRules.VERSION,
              head.seq(),
              head.entryHash(),
              state.claims().size(),
              established);
      return new Shown(live, state, true);
    }
    try {
      return new Shown(releases.get(name), releases.state(name), false);
    } catch (UnknownReleaseException e) {
      throw HttpProblem.notFound(e.getMessage());
    }
  }

  private static void checkName(String name) {
    if (Releases.CURRENT.equals(name)) {
      return;
    }
    try {
      Releases.checkName(name);
    } catch (IllegalArgumentException e) {
      throw new HttpProblem(400, "name", e.getMessage());
    }
  }

  private ReleaseDiff diff(String from, String to) {
    checkName(from);
    checkName(to);
    try {
      return releases.diff(from, to, site.current().engine());
    } catch (UnknownReleaseException e) {
      throw HttpProblem.notFound(e.getMessage());
    }
  }

  // --------------------------------------------------------------------------------- API

  private void listApi(Context ctx) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("releases", releases.list().stream().map(ReleaseJson::release).toList());
    json(ctx, body);
  }

  private void releaseApi(Context ctx) {
    Shown s = shown(ctx.pathParam("name"));
    json(ctx, ReleaseJson.release(s.release(), s.state()));
  }

  private void diffApi(Context ctx) {
    json(ctx, ReleaseJson.diff(diff(ctx.pathParam("name"), ctx.pathParam("other"))));
  }

  private static void json(Context ctx, Object body) {
    byte[] bytes;
    try {
      bytes = JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
    String etag = "\"" + sha256(bytes) + "\"";
    ctx.header("ETag", etag);
    ctx.header("Cache-Control", "no-cache");
    String ifNoneMatch = ctx.header("If-None-Match");
    if (ifNoneMatch != null && ifNoneMatch.contains(etag)) {
      ctx.status(304);
      return;
    }
    ctx.contentType("application/json").result(bytes);
  }

  // ------------------------------------------------------------------------------- pages

  private void listPage(Context ctx) {
    listPage(ctx, 200, null, null, null);
  }

  /** The list, with the form to make a release for admins (and what they typed, on an error). */
  private void listPage(Context ctx, int status, String error, String name, String note) {
    boolean admin = Auth.principal(ctx).map(p -> p.role().permits(Role.ADMIN)).orElse(false);
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("chrome", chrome("Releases"));
    params.put("releases", releases.list());
    params.put("csrf", admin ? Auth.csrfToken(ctx) : null);
    params.put("error", error);
    params.put("name", name);
    params.put("note", note);
    ctx.status(status);
    page(ctx, "releases.jte", params);
  }

  /**
   * Makes a release of the current state (admins only): form fields {@code name}, {@code note} and
   * {@code as_of} (default today). A taken name is a 409, a bad one a 400, both with the form
   * again.
   */
  private void create(Context ctx) {
    Principal admin = Auth.require(ctx, Role.ADMIN);
    String name = form(ctx, "name", 200);
    String note = form(ctx, "note", Releases.MAX_NOTE_LENGTH + 1);
    String asOfText = form(ctx, "as_of", 20);
    java.time.LocalDate asOf;
    try {
      asOf = asOfText == null ? releases.today() : AsOfDate.parse(asOfText);
    } catch (IllegalArgumentException e) {
      listPage(ctx, 400, "as_of: " + e.getMessage(), name, note);
      return;
    }
    if (name != null && releases.find(name).isPresent()) {
      listPage(
          ctx, 409, "release name '" + name + "' is taken: release names are unique", name, note);
      return;
    }
    try {
      releases.create(name, note, asOf, admin.actor());
    } catch (IllegalArgumentException e) {
      listPage(ctx, e.getMessage().contains("is taken") ? 409 : 400, e.getMessage(), name, note);
      return;
    }
    ctx.redirect("/releases/" + name, HttpStatus.SEE_OTHER);
  }

  private static String form(Context ctx, String field, int max) {
    String v = ctx.formParam(field);
    if (v == null || v.isBlank()) {
      return null;
    }
    if (v.length() > max) {
      throw new HttpProblem(400, field, field + ": at most " + (max - 1) + " characters");
    }
    return v.strip();
  }

  private void releasePage(Context ctx) {
    Shown s = shown(ctx.pathParam("name"));
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("chrome", chrome("Release " + s.release().name()));
    params.put("release", s.release());
    params.put("figures", s.state().figures());
    params.put("live", s.live());
    params.put("others", releases.list().stream().map(Release::name).toList());
    page(ctx, "release.jte", params);
  }

  private void diffPage(Context ctx) {
    ReleaseDiff diff = diff(ctx.pathParam("name"), ctx.pathParam("other"));
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("chrome", chrome("Changes from " + diff.from() + " to " + diff.to()));
    params.put("diff", diff);
    page(ctx, "release-diff.jte", params);
  }

  private Chrome chrome(String title) {
    return new Chrome(title, "releases", releases.today(), CodingRules.VERSION);
  }

  private static void page(Context ctx, String template, Map<String, Object> params) {
    ctx.header("Cache-Control", "no-cache");
    ctx.contentType(HTML).result(Templates.render(template, params));
  }

  // --------------------------------------------------------------------------- downloads

  /** The release's claims, sources and figures as of its own date, in the download formats. */
  private void download(Context ctx) throws IOException {
    String name = ctx.pathParam("name");
    checkName(name);
    if (Releases.CURRENT.equals(name)) {
      throw HttpProblem.notFound("the live state's files are under /downloads");
    }
    DownloadRoutes.Download d;
    try {
      d = DownloadRoutes.parse(ctx.pathParam("file"), null, ctx.queryParam("source"));
    } catch (DownloadRoutes.BadRequest e) {
      throw new HttpProblem(400, e.field, e.getMessage());
    }
    Release release;
    IndexEngine engine;
    try {
      release = releases.get(name);
      engine = new IndexEngine(releases.knowledgeBase(name));
    } catch (UnknownReleaseException e) {
      throw HttpProblem.notFound(e.getMessage());
    }
    IndexQuery query = new IndexQuery(release.asOf(), d.query().sourceId());
    if (!query.isLiving() && !engine.knowledgeBase().sources().containsKey(query.sourceId())) {
      throw new HttpProblem(404, "source", "unknown source '" + query.sourceId() + "'");
    }
    ExportData data = new ExportData(engine, query);
    if (d.licence()) {
      ctx.contentType("text/plain; charset=utf-8").result(data.licence().text());
      return;
    }
    DownloadRoutes.Download named = new DownloadRoutes.Download(d.format(), d.datasets(), query);
    String fileName = named.fileName().replaceFirst("^custodiet-", "custodiet-" + name + "-");
    ctx.status(200);
    ctx.contentType(d.format().contentType());
    ctx.header("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
    Exports.write(data, d.format(), d.datasets(), ctx.outputStream());
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
