package org.custodiet.web.auth;

import io.javalin.http.Context;
import java.util.regex.Pattern;

/**
 * The two cookies of sign-in, written by hand so every attribute is explicit: HttpOnly (scripts
 * cannot read them), SameSite (other sites' forms do not carry them) and Secure: browsers treat
 * http://localhost and 127.0.0.1 as secure, so signing in works there, and elsewhere it needs
 * HTTPS.
 */
final class Cookies {
  static final String SESSION = "custodiet_session";
  static final String PRE_SESSION_CSRF = "custodiet_csrf";

  private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{43}");

  private Cookies() {}

  static boolean isWellFormedSecret(String value) {
    return value != null && SECRET.matcher(value).matches();
  }

  /** The cookie's value, or null when absent or when the Cookie header cannot be parsed. */
  static String read(Context ctx, String name) {
    String header = ctx.header("Cookie");
    if (header == null || header.length() > 8192) {
      return null;
    }
    for (String part : header.split(";")) {
      int eq = part.indexOf('=');
      if (eq > 0 && part.substring(0, eq).strip().equals(name)) {
        return part.substring(eq + 1).strip();
      }
    }
    return null;
  }

  static void setSession(Context ctx, String id, long maxAgeSeconds) {
    add(ctx, SESSION, id, "Lax", maxAgeSeconds);
  }

  static void clearSession(Context ctx) {
    add(ctx, SESSION, "", "Lax", 0);
  }

  static void setPreSessionCsrf(Context ctx, String token) {
    add(ctx, PRE_SESSION_CSRF, token, "Strict", -1);
  }

  static void clearPreSessionCsrf(Context ctx) {
    add(ctx, PRE_SESSION_CSRF, "", "Strict", 0);
  }

  private static void add(Context ctx, String name, String value, String sameSite, long maxAge) {
    StringBuilder c = new StringBuilder(name).append('=').append(value).append("; Path=/");
    if (maxAge >= 0) {
      c.append("; Max-Age=").append(maxAge);
    }
    c.append("; HttpOnly; Secure; SameSite=").append(sameSite);
    ctx.res().addHeader("Set-Cookie", c.toString());
  }
}
