package org.custodiet.web.auth;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.custodiet.core.account.Principal;
import org.custodiet.core.account.Role;
import org.custodiet.core.rules.CodingRules;
import org.custodiet.store.account.AccountException;
import org.custodiet.store.account.AccountRepository;
import org.custodiet.store.account.ApiTokens;
import org.custodiet.store.account.Credentials;
import org.custodiet.store.account.Secrets;
import org.custodiet.store.account.Sessions;
import org.custodiet.web.Site;
import org.custodiet.web.http.AsOfDate;
import org.custodiet.web.http.HttpProblem;
import org.custodiet.web.pages.Chrome;
import org.custodiet.web.pages.Templates;

/**
 * Signing in and out, a user's own account page and the admins' user management, plus the
 * before-handler that resolves who is asking on every request.
 */
public final class AuthRoutes {
  /** Sign-in attempts one client address may make in {@link #THROTTLE_WINDOW}. */
  static final int THROTTLE_ATTEMPTS = 20;

  static final Duration THROTTLE_WINDOW = Duration.ofMinutes(10);

  /** The one answer to a refused sign-in, whatever the reason, so it reveals no account. */
  static final String REFUSED =
      "Wrong username or password, or the account is locked for a while after repeated failures.";

  private static final String HTML = "text/html; charset=utf-8";

  private final AccountRepository accounts;
  private final Sessions sessions;
  private final ApiTokens tokens;
  private final LoginThrottle throttle;

  private AuthRoutes(Site site) {
    this.accounts = new AccountRepository(site.database());
    this.sessions = new Sessions(site.database());
    this.tokens = new ApiTokens(site.database());
    this.throttle = new LoginThrottle(THROTTLE_ATTEMPTS, THROTTLE_WINDOW, Clock.systemUTC());
  }

  /** Registers the before-handler and the routes; call before any route that writes. */
  public static void register(JavalinConfig config, Site site) {
    AuthRoutes auth = new AuthRoutes(site);
    RequestAuth requestAuth = new RequestAuth(auth.sessions, auth.tokens);
    var routes = config.routes;
    routes.before(requestAuth::handle);
    routes.after(ctx -> Viewer.clear());
    routes.get("/login", auth::loginPage);
    routes.post("/login", auth::login);
    routes.post("/logout", auth::logout);
    routes.get("/account", auth::accountPage);
    routes.post("/account/password", auth::changePassword);
    routes.post("/account/tokens", auth::createToken);
    routes.post("/account/tokens/{id}/revoke", auth::revokeToken);
    routes.get("/admin/users", auth::usersPage);
    routes.post("/admin/users", auth::addUser);
    routes.post("/admin/users/{username}/disable", auth::disableUser);
    routes.post("/admin/users/{username}/enable", auth::enableUser);
    routes.post("/admin/users/{username}/reset", auth::resetUser);
    routes.post("/admin/users/{username}/role", auth::changeRole);
  }

  // Sign in and out

  private void loginPage(Context ctx) {
    if (Auth.principal(ctx).isPresent()) {
      ctx.redirect(safeNext(ctx.queryParam("next")), HttpStatus.SEE_OTHER);
      return;
    }
    renderLogin(ctx, 200, null, "", safeNext(ctx.queryParam("next")));
  }

  private void login(Context ctx) {
    Auth.Resolved current = Auth.resolved(ctx);
    String next = safeNext(ctx.formParam("next"));
    if (current.method() != Auth.Method.SESSION) {
      // The session's CSRF token was checked before; an anonymous form proves it came from our
      // page by echoing the token we set as a cookie.
      String cookie = Cookies.read(ctx, Cookies.PRE_SESSION_CSRF);
      if (!Cookies.isWellFormedSecret(cookie)
          || !Secrets.equal(cookie, ctx.formParam(Auth.CSRF_FIELD))) {
        throw new HttpProblem(
            403,
            Auth.CSRF_FIELD,
            "missing or wrong CSRF token: reload the sign-in page and try again");
      }
    }
    long wait = throttle.attempt(ctx.ip());
    if (wait > 0) {
      ctx.header("Retry-After", Long.toString(wait));
      renderLogin(
          ctx, 429, "Too many sign-in attempts from your address; wait a few minutes.", "", next);
      return;
    }
    String username = ctx.formParam("username");
    String password = ctx.formParam("password");
    String problem = loginProblem(username, password);
    if (problem != null) {
      renderLogin(ctx, 400, problem, username == null ? "" : clip(username), next);
      return;
    }
    AccountRepository.LoginResult result = accounts.authenticate(username, password);
    if (result.outcome() != AccountRepository.Outcome.SIGNED_IN) {
      renderLogin(ctx, 401, REFUSED, username, next);
      return;
    }
    // A new session id at every sign-in, so an id planted before it is worth nothing after.
    if (current.sessionId() != null) {
      sessions.end(current.sessionId());
    }
    startSession(ctx, result.account().id());
    Cookies.clearPreSessionCsrf(ctx);
    ctx.redirect(next, HttpStatus.SEE_OTHER);
  }

  private static String loginProblem(String username, String password) {
    if (username == null || username.isEmpty()) {
      return "username: missing";
    }
    if (password == null || password.isEmpty()) {
      return "password: missing";
    }
    if (username.length() > Credentials.MAX_USERNAME) {
      return "username: longer than " + Credentials.MAX_USERNAME + " characters";
    }
    if (password.length() > Credentials.MAX_PASSWORD) {
      return "password: longer than " + Credentials.MAX_PASSWORD + " characters";
    }
    if (username.chars().anyMatch(Character::isISOControl)) {
      return "username: contains a control character";
    }
    return null;
  }

  private void startSession(Context ctx, long userId) {
    // Sign-ins are rare enough to sweep away sessions that ran out without a sign-out.
    sessions.purgeExpired();
    Sessions.NewSession s = sessions.start(userId);
    Cookies.setSession(ctx, s.id(), Sessions.ABSOLUTE.toSeconds());
  }

  private void logout(Context ctx) {
    Auth.Resolved current = Auth.resolved(ctx);
    if (current.sessionId() != null) {
      sessions.end(current.sessionId());
    }
    Cookies.clearSession(ctx);
    ctx.redirect("/", HttpStatus.SEE_OTHER);
  }

  /** Only a path on this site: never another host, so the sign-in page cannot send users away. */
  static String safeNext(String next) {
    if (next == null
        || next.length() > 512
        || !next.startsWith("/")
        || next.startsWith("//")
        || next.contains("\\")
        || next.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
      return "/";
    }
    return next;
  }

  // The signed-in user's own account

  private void accountPage(Context ctx) {
    Principal p = Auth.require(ctx, Role.CURATOR);
    renderAccount(ctx, p, 200, null, null);
  }

  private void changePassword(Context ctx) {
    Principal p = Auth.require(ctx, Role.CURATOR);
    String current = ctx.formParam("current");
    String password = ctx.formParam("password");
    String confirm = ctx.formParam("confirm");
    if (current == null || current.isEmpty()) {
      renderAccount(ctx, p, 400, "current password: missing", null);
      return;
    }
    if (password == null || !password.equals(confirm)) {
      renderAccount(ctx, p, 400, "new password: the two entries differ", null);
      return;
    }
    try {
      accounts.changeOwnPassword(p.userId(), current, password);
    } catch (AccountException e) {
      renderAccount(ctx, p, status(e), e.getMessage(), null);
      return;
    }
    // Every session of the user ended with the change; this browser continues in a new one.
    startSession(ctx, p.userId());
    ctx.redirect("/account", HttpStatus.SEE_OTHER);
  }

  private void createToken(Context ctx) {
    Principal p = Auth.require(ctx, Role.CURATOR);
    try {
      ApiTokens.NewToken t = tokens.create(p.actor(), p.username(), ctx.formParam("label"));
      renderAccount(ctx, p, 201, null, t);
    } catch (AccountException e) {
      renderAccount(ctx, p, status(e), e.getMessage(), null);
    }
  }

  private void revokeToken(Context ctx) {
    Principal p = Auth.require(ctx, Role.CURATOR);
    long id = tokenId(ctx.pathParam("id"));
    try {
      tokens.revokeOwn(p, id);
    } catch (AccountException e) {
      throw new HttpProblem(status(e), null, e.getMessage());
    }
    ctx.redirect("/account", HttpStatus.SEE_OTHER);
  }

  private static long tokenId(String text) {
    if (text.isEmpty() || text.length() > 18 || !text.chars().allMatch(Character::isDigit)) {
      throw HttpProblem.badParameter("id", "not a token number");
    }
    return Long.parseLong(text);
  }

  // User management (admins)

  private void usersPage(Context ctx) {
    Principal p = Auth.require(ctx, Role.ADMIN);
    renderUsers(ctx, p, 200, null);
  }

  private void addUser(Context ctx) {
    Principal p = Auth.require(ctx, Role.ADMIN);
    adminChange(
        ctx,
        p,
        () ->
            accounts.add(
                p.actor(),
                ctx.formParam("username"),
                role(ctx.formParam("role")),
                ctx.formParam("password")));
  }

  private void disableUser(Context ctx) {
    Principal p = Auth.require(ctx, Role.ADMIN);
    String username = ctx.pathParam("username");
    if (username.equals(p.username())) {
      renderUsers(ctx, p, 400, "You cannot disable your own account.");
      return;
    }
    adminChange(ctx, p, () -> accounts.disable(p.actor(), username));
  }

  private void enableUser(Context ctx) {
    Principal p = Auth.require(ctx, Role.ADMIN);
    adminChange(ctx, p, () -> accounts.enable(p.actor(), ctx.pathParam("username")));
  }

  private void resetUser(Context ctx) {
    Principal p = Auth.require(ctx, Role.ADMIN);
    adminChange(
        ctx,
        p,
        () ->
            accounts.resetPassword(
                p.actor(), ctx.pathParam("username"), ctx.formParam("password")));
  }

  private void changeRole(Context ctx) {
    Principal p = Auth.require(ctx, Role.ADMIN);
    String username = ctx.pathParam("username");
    if (username.equals(p.username())) {
      renderUsers(ctx, p, 400, "You cannot change your own role.");
      return;
    }
    adminChange(
        ctx, p, () -> accounts.changeRole(p.actor(), username, role(ctx.formParam("role"))));
  }

  private void adminChange(Context ctx, Principal p, Runnable change) {
    try {
      change.run();
    } catch (AccountException e) {
      renderUsers(ctx, p, status(e), e.getMessage());
      return;
    }
    ctx.redirect("/admin/users", HttpStatus.SEE_OTHER);
  }

  private static Role role(String code) {
    if (code == null || code.isEmpty()) {
      throw new AccountException(AccountException.Kind.INVALID, "role: missing");
    }
    try {
      return Role.ofCode(code);
    } catch (IllegalArgumentException e) {
      throw new AccountException(
          AccountException.Kind.INVALID, "role: '" + clip(code) + "' is not curator or admin");
    }
  }

  private static int status(AccountException e) {
    return switch (e.kind()) {
      case INVALID -> 400;
      case NOT_FOUND -> 404;
      case CONFLICT -> 409;
    };
  }

  private static String clip(String s) {
    return s.length() > 64 ? s.substring(0, 64) + "…" : s;
  }

  // Pages

  private void renderLogin(Context ctx, int status, String error, String username, String next) {
    Map<String, Object> p = new HashMap<>();
    p.put("chrome", chrome("Sign in", "login"));
    p.put("csrf", Auth.csrfToken(ctx));
    p.put("error", error);
    p.put("username", username);
    p.put("next", next);
    page(ctx, status, "login.jte", p);
  }

  private void renderAccount(
      Context ctx, Principal principal, int status, String error, ApiTokens.NewToken created) {
    Map<String, Object> p = new HashMap<>();
    p.put("chrome", chrome("Your account", "account"));
    p.put("csrf", Auth.csrfToken(ctx));
    p.put("principal", principal);
    p.put("error", error);
    p.put("created", created);
    p.put("tokens", tokens.list(principal.username()));
    page(ctx, status, "account.jte", p);
  }

  private void renderUsers(Context ctx, Principal principal, int status, String error) {
    Map<String, Object> p = new HashMap<>();
    p.put("chrome", chrome("Users", "admin"));
    p.put("csrf", Auth.csrfToken(ctx));
    p.put("principal", principal);
    p.put("error", error);
    p.put("users", accounts.list());
    p.put("roles", List.of(Role.values()));
    page(ctx, status, "admin-users.jte", p);
  }

  private static Chrome chrome(String title, String section) {
    return new Chrome(title, section, AsOfDate.today(), CodingRules.VERSION);
  }

  private static void page(Context ctx, int status, String template, Map<String, Object> params) {
    ctx.status(status)
        .header("Cache-Control", "no-store")
        .contentType(HTML)
        .result(Templates.render(template, params));
  }
}
