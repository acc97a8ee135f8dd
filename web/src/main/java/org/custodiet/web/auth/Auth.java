package org.custodiet.web.auth;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.custodiet.core.account.Principal;
import org.custodiet.core.account.Role;
import org.custodiet.store.account.Secrets;
import org.custodiet.web.http.HttpProblem;

/**
 * Who is asking, for route handlers. The before-handler registered by {@link AuthRoutes} resolves
 * the session cookie or bearer token once per request; handlers that write call {@link #require}
 * first.
 */
public final class Auth {
  /** The form field that carries the CSRF token. */
  public static final String CSRF_FIELD = "_csrf";

  /** The header that carries the CSRF token for htmx and fetch. */
  public static final String CSRF_HEADER = "X-CSRF-Token";

  static final String ATTRIBUTE = "custodiet.auth";
  private static final String PRE_SESSION_ATTRIBUTE = "custodiet.preSessionCsrf";

  private Auth() {}

  /** How a request proved who it is. */
  enum Method {
    ANONYMOUS,
    SESSION,
    BEARER
  }

  /** What the before-handler found: the principal (null for anonymous) and the session's token. */
  record Resolved(Method method, Principal principal, String sessionId, String csrfToken) {
    static final Resolved ANONYMOUS = new Resolved(Method.ANONYMOUS, null, null, null);
  }

  /** The signed-in principal (session cookie or bearer token), empty for anonymous requests. */
  public static Optional<Principal> principal(Context ctx) {
    return Optional.ofNullable(resolved(ctx).principal());
  }

  /**
   * The principal if it holds {@code role} (admins hold every role). Anonymous requests get 401, or
   * for pages read with GET a redirect to the sign-in page that comes back here; a principal
   * without the role gets 403.
   */
  public static Principal require(Context ctx, Role role) {
    Principal p = resolved(ctx).principal();
    if (p == null) {
      if (ctx.method() == HandlerType.GET && !ctx.path().startsWith("/api/")) {
        String here = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
        ctx.header("Location", "/login?next=" + URLEncoder.encode(here, StandardCharsets.UTF_8));
        throw new HttpProblem(303, null, "sign in to see this page");
      }
      throw new HttpProblem(401, null, "sign in or send an API token to do this");
    }
    if (!p.role().permits(role)) {
      throw new HttpProblem(
          403, null, "this needs the " + role.code() + " role; you are " + p.role().code());
    }
    return p;
  }

  /**
   * The CSRF token forms must carry as hidden field {@code _csrf} (htmx and fetch: header {@code
   * X-CSRF-Token}). Signed-in: the session's token. Anonymous (the sign-in form): a token also set
   * as a cookie, which the sign-in handler compares with the form field.
   */
  public static String csrfToken(Context ctx) {
    Resolved r = resolved(ctx);
    if (r.csrfToken() != null) {
      return r.csrfToken();
    }
    String issued = ctx.attribute(PRE_SESSION_ATTRIBUTE);
    if (issued != null) {
      return issued;
    }
    String existing = Cookies.read(ctx, Cookies.PRE_SESSION_CSRF);
    String token = Cookies.isWellFormedSecret(existing) ? existing : Secrets.random();
    if (!token.equals(existing)) {
      Cookies.setPreSessionCsrf(ctx, token);
    }
    ctx.attribute(PRE_SESSION_ATTRIBUTE, token);
    return token;
  }

  static Resolved resolved(Context ctx) {
    Resolved r = ctx.attribute(ATTRIBUTE);
    return r == null ? Resolved.ANONYMOUS : r;
  }
}
