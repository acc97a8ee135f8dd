package org.custodiet.web.pages;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.LocalDate;
import java.util.Locale;
import java.util.function.Function;
import org.custodiet.core.model.Iso3;
import org.custodiet.core.model.Slug;
import org.custodiet.web.Site;
import org.custodiet.web.http.AsOfDate;

/** The server-rendered pages: every route answers HTML, errors included. */
public final class PageRoutes {
  /** Longest identifier accepted in a path, well above any real one. */
  static final int MAX_ID = 200;

  static final String HTML = "text/html; charset=utf-8";

  private PageRoutes() {}

  public static void register(JavalinConfig config, Site site) {
    var routes = config.routes;
    routes.get("/", ctx -> page(ctx, site, Pages::home));
    routes.get(
        "/figures/{id}", ctx -> page(ctx, site, p -> p.figure(id(ctx.pathParam("id"), "figure"))));
    routes.get(
        "/map",
        ctx ->
            page(
                ctx,
                site,
                p ->
                    p.map(
                        ctx.queryParam("layer"),
                        ctx.queryParam("code"),
                        ctx.queryParam("country"))));
    routes.get("/countries", ctx -> page(ctx, site, Pages::countries));
    routes.get("/countries/{iso3}", ctx -> country(ctx, site));
    routes.get("/companies", ctx -> page(ctx, site, Pages::companies));
    routes.get(
        "/companies/{id}", ctx -> page(ctx, site, p -> p.company(slug(ctx.pathParam("id")))));
    routes.get("/technologies", ctx -> page(ctx, site, Pages::technologies));
    routes.get(
        "/technologies/{code}",
        ctx -> page(ctx, site, p -> p.technologyPage(id(ctx.pathParam("code"), "technology"))));
    routes.get("/suppliers", ctx -> page(ctx, site, p -> p.suppliers(ctx.queryParam("origin"))));
    routes.get(
        "/search", ctx -> page(ctx, site, p -> p.search(site.search(), ctx.queryParam("q"))));
    routes.get("/methodology", ctx -> page(ctx, site, p -> p.methodology(Methodology.html())));
    routes.get("/downloads", ctx -> page(ctx, site, Pages::downloads));
    routes.get("/api", ctx -> page(ctx, site, Pages::api));
    routes.get("/assets/{name}", PageRoutes::asset);
  }

  private static void page(Context ctx, Site site, Function<Pages, String> render) {
    Site.Snapshot snapshot = site.current();
    LocalDate today = AsOfDate.today();
    try {
      LocalDate asOf = asOf(ctx.queryParam("as_of"));
      ctx.contentType(HTML).result(render.apply(new Pages(snapshot, asOf)));
    } catch (PageException e) {
      ctx.status(e.status())
          .contentType(HTML)
          .result(Pages.error(snapshot, today, e.status(), e.getMessage()));
    }
  }

  /** Country codes are upper case; a lower-case address is sent to the canonical one. */
  private static void country(Context ctx, Site site) {
    String code = ctx.pathParam("iso3");
    String upper = code.toUpperCase(Locale.ROOT);
    if (!upper.equals(code) && Iso3.isWellFormed(upper)) {
      String query = ctx.queryString();
      ctx.redirect(
          "/countries/" + upper + (query == null ? "" : "?" + query), HttpStatus.MOVED_PERMANENTLY);
      return;
    }
    page(ctx, site, p -> p.country(iso3(code)));
  }

  private static LocalDate asOf(String value) {
    try {
      return AsOfDate.parse(value);
    } catch (IllegalArgumentException e) {
      throw PageException.badRequest("as_of: " + e.getMessage() + ".");
    }
  }

  private static String iso3(String value) {
    if (!Iso3.isWellFormed(value)) {
      throw PageException.notFound(
          "'"
              + shorten(value)
              + "' is not a country code; countries are named by ISO 3166 alpha-3"
              + " codes such as KEN.");
    }
    return value;
  }

  private static String slug(String value) {
    if (!Slug.isWellFormed(value)) {
      throw PageException.notFound("No company with the id '" + shorten(value) + "'.");
    }
    return value;
  }

  private static String id(String value, String what) {
    if (value.isBlank() || value.length() > MAX_ID) {
      throw PageException.notFound("No " + what + " '" + shorten(value) + "'.");
    }
    return value;
  }

  private static String shorten(String value) {
    return value.length() > 40 ? value.substring(0, 40) + "…" : value;
  }

  private static void asset(Context ctx) {
    Assets.Asset asset = Assets.get(ctx.pathParam("name"));
    if (asset == null) {
      ctx.status(404).contentType("text/plain; charset=utf-8").result("no such asset");
      return;
    }
    ctx.header("Cache-Control", "public, max-age=3600")
        .contentType(asset.contentType())
        .result(asset.bytes());
  }
}
