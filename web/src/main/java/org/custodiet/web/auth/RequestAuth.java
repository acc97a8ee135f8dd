package org.custodiet.web.auth;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.custodiet.core.account.Principal;
import org.custodiet.store.account.ApiTokens;
import org.custodiet.store.account.Secrets;
import org.custodiet.store.account.Sessions;
import org.custodiet.web.http.HttpProblem;

/**
 * The before-handler: finds who is asking (bearer token, else session cookie, else nobody) and
 * refuses writes a browser may have been tricked into sending: another site's origin, or a
 * session-authenticated write without the session's CSRF token.
 */
final class RequestAuth {
  private static final Set<HandlerType> WRITES =
      Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);

  private static final int MAX_AUTHORIZATION = 512;

  private final Sessions sessions;
  private final ApiTokens tokens;

  RequestAuth(Sessions sessions, ApiTokens tokens) {
    this.sessions = sessions;
    this.tokens = tokens;
  }

  void handle(Context ctx) {
    Viewer.clear();
    if (ctx.path().startsWith("/assets/")) {
      return;
    }
    Auth.Resolved resolved = resolve(ctx);
    ctx.attribute(Auth.ATTRIBUTE, resolved);
    if (resolved.method() == Auth.Method.SESSION) {
      Viewer.set(resolved.principal(), resolved.csrfToken());
      // Pages shown to a signed-in user carry their name and CSRF token: no shared caches.
      ctx.header("Cache-Control", "private, no-store");
    }
    if (WRITES.contains(ctx.method())) {
      if (resolved.method() != Auth.Method.BEARER) {
        checkOrigin(ctx);
      }
      if (resolved.method() == Auth.Method.SESSION) {
        checkCsrf(ctx, resolved.csrfToken());
      }
    }
  }

  private Auth.Resolved resolve(Context ctx) {
    String authorization = ctx.header("Authorization");
    if (authorization != null) {
      return new Auth.Resolved(Auth.Method.BEARER, bearer(ctx, authorization), null, null);
    }
    String sessionId = Cookies.read(ctx, Cookies.SESSION);
    if (sessionId == null || sessionId.isEmpty()) {
      return Auth.Resolved.ANONYMOUS;
    }
    Optional<Sessions.ActiveSession> session = sessions.resolve(sessionId);
    if (session.isEmpty()) {
      // Expired, ended or forged: forget it, and carry on as a reader.
      Cookies.clearSession(ctx);
      return Auth.Resolved.ANONYMOUS;
    }
    return new Auth.Resolved(
        Auth.Method.SESSION, session.get().principal(), sessionId, session.get().csrfToken());
  }

  private Principal bearer(Context ctx, String authorization) {
    if (authorization.length() > MAX_AUTHORIZATION
        || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw unauthorized(ctx, "Authorization: expected 'Bearer <API token>'");
    }
    return tokens
        .resolve(authorization.substring(7).strip())
        .orElseThrow(
            () ->
                unauthorized(ctx, "Authorization: the API token is unknown, revoked or malformed"));
  }

  private static HttpProblem unauthorized(Context ctx, String message) {
    ctx.header("WWW-Authenticate", "Bearer realm=\"custodiet\"");
    return new HttpProblem(401, "Authorization", message);
  }

  /** Browsers say where a request comes from; a write from another site is refused outright. */
  private static void checkOrigin(Context ctx) {
    String fetchSite = ctx.header("Sec-Fetch-Site");
    if (fetchSite != null) {
      String site = fetchSite.toLowerCase(Locale.ROOT);
      if (!site.equals("same-origin") && !site.equals("none")) {
        throw new HttpProblem(403, null, "cross-site request refused");
      }
    }
    String origin = ctx.header("Origin");
    if (origin != null && !sameOrigin(origin, ctx.host())) {
      throw new HttpProblem(403, null, "request from another origin refused");
    }
  }

  private static boolean sameOrigin(String origin, String host) {
    if (host == null) {
      return false;
    }
    try {
      URI uri = new URI(origin);
      return uri.getRawAuthority() != null && uri.getRawAuthority().equalsIgnoreCase(host);
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static void checkCsrf(Context ctx, String expected) {
    String presented = ctx.header(Auth.CSRF_HEADER);
    if (presented == null && isForm(ctx)) {
      presented = ctx.formParam(Auth.CSRF_FIELD);
    }
    if (!Secrets.equal(presented, expected)) {
      throw new HttpProblem(
          403,
          Auth.CSRF_FIELD,
          "missing or wrong CSRF token: reload the page and send the form again");
    }
  }

  static boolean isForm(Context ctx) {
    String type = ctx.contentType();
    if (type == null) {
      return false;
    }
    String t = type.toLowerCase(Locale.ROOT);
    return t.startsWith("application/x-www-form-urlencoded") || t.startsWith("multipart/form-data");
  }

  static boolean isWrite(HandlerType method) {
    return WRITES.contains(method);
  }
}
