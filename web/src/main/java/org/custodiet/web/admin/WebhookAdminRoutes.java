package org.custodiet.web.admin;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.custodiet.core.account.Principal;
import org.custodiet.core.account.Role;
import org.custodiet.core.rules.CodingRules;
import org.custodiet.store.webhook.UnknownWebhookException;
import org.custodiet.store.webhook.WebhookScope;
import org.custodiet.store.webhook.WebhookTargets;
import org.custodiet.store.webhook.Webhooks;
import org.custodiet.web.Site;
import org.custodiet.web.auth.Auth;
import org.custodiet.web.http.HttpProblem;
import org.custodiet.web.pages.Chrome;
import org.custodiet.web.pages.Templates;

/**
 * The admin page for webhooks: {@code GET /admin/webhooks} lists them with their latest deliveries
 * and a form to add one; {@code POST /admin/webhooks} adds one and shows its secret once; {@code
 * POST /admin/webhooks/{id}/remove} removes one. Admins only; forms carry the CSRF token.
 */
public final class WebhookAdminRoutes {
  static final int MAX_FIELD = 2100;
  private static final int SHOWN_DELIVERIES = 30;

  private final Webhooks webhooks;

  private WebhookAdminRoutes(Site site, WebhookTargets targets) {
    this.webhooks = new Webhooks(site.database(), targets);
  }

  /** Registers the routes; webhooks added through them must be permitted by {@code targets}. */
  public static void register(JavalinConfig config, Site site, WebhookTargets targets) {
    WebhookAdminRoutes routes = new WebhookAdminRoutes(site, targets);
    config.routes.get("/admin/webhooks", routes::page);
    config.routes.post("/admin/webhooks", routes::add);
    config.routes.post("/admin/webhooks/{id}/remove", routes::remove);
  }

  private void page(Context ctx) {
    Auth.require(ctx, Role.ADMIN);
    render(ctx, 200, null, null, null);
  }

  private void add(Context ctx) {
    Principal admin = Auth.require(ctx, Role.ADMIN);
    String url = field(ctx, "url");
    String kind = field(ctx, "scope");
    String value = field(ctx, "value");
    WebhookScope scope;
    Webhooks.Added added;
    try {
      scope = scope(kind, value);
      added = webhooks.add(url == null ? "" : url, scope, admin.actor());
    } catch (IllegalArgumentException e) {
      render(ctx, 400, e.getMessage(), url, null);
      return;
    }
    render(ctx, 201, null, null, added);
  }

  private void remove(Context ctx) {
    Principal admin = Auth.require(ctx, Role.ADMIN);
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw HttpProblem.notFound("no webhook '" + ctx.pathParam("id") + "'");
    }
    try {
      webhooks.remove(id, admin.actor());
    } catch (UnknownWebhookException e) {
      throw HttpProblem.notFound(e.getMessage());
    }
    ctx.redirect("/admin/webhooks", io.javalin.http.HttpStatus.SEE_OTHER);
  }

  /** A form field, trimmed; null when absent or empty; refused when absurdly long. */
  private static String field(Context ctx, String name) {
    String v = ctx.formParam(name);
    if (v == null || v.isBlank()) {
      return null;
    }
    if (v.length() > MAX_FIELD) {
      throw new HttpProblem(400, name, name + ": at most " + MAX_FIELD + " characters");
    }
    return v.strip();
  }

  static WebhookScope scope(String kind, String value) {
    String k = kind == null ? "all" : kind;
    if (!k.equals("all") && value == null) {
      throw new IllegalArgumentException("webhook " + k + ": give the " + k + " to follow");
    }
    return switch (k) {
      case "all" -> WebhookScope.ALL;
      case "country" -> WebhookScope.country(value.toUpperCase(Locale.ROOT));
      case "company" -> WebhookScope.company(value);
      case "technology" -> WebhookScope.technology(value);
      default ->
          throw new IllegalArgumentException(
              "webhook scope: use all, country, company or technology");
    };
  }

  private void render(Context ctx, int status, String error, String url, Webhooks.Added added) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put(
        "chrome",
        new Chrome(
            "Webhooks",
            "admin",
            java.time.LocalDate.now(java.time.ZoneOffset.UTC),
            CodingRules.VERSION));
    params.put("webhooks", webhooks.list());
    params.put("deliveries", webhooks.deliveries(SHOWN_DELIVERIES));
    params.put("csrf", Auth.csrfToken(ctx));
    params.put("error", error);
    params.put("url", url);
    params.put("added", added);
    ctx.status(status);
    ctx.header("Cache-Control", "no-store");
    ctx.contentType("text/html; charset=utf-8").result(Templates.render("webhooks.jte", params));
  }
}
