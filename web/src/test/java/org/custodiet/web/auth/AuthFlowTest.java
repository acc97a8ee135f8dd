package org.custodiet.web.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custodiet.web.auth.AuthServer.form;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.custodiet.core.account.Role;
import org.custodiet.core.audit.AuditEntry;
import org.custodiet.store.account.ApiTokens;
import org.custodiet.store.audit.AuditLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signing in and out, CSRF and origin checks, tokens and hostile input, over real HTTP. */
class AuthFlowTest {
  @TempDir static Path dir;
  static AuthServer server;

  @BeforeAll
  static void start() {
    server = new AuthServer(dir);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void signingInSetsAHardenedCookieRotatesTheSessionAndSigningOutEndsIt() {
    HttpResponse<String> page = server.get("/login?next=/account");
    String preCookie = AuthServer.setCookie(page, "custodiet_csrf");
    assertThat(AuthServer.setCookieHeader(page, "custodiet_csrf"))
        .contains("HttpOnly", "Secure", "SameSite=Strict", "Path=/");
    assertThat(page.body()).contains("name=\"next\" value=\"/account\"");

    HttpResponse<String> posted =
        server.postForm(
            "/login",
            form(
                "_csrf",
                AuthServer.csrfOf(page.body()),
                "username",
                AuthServer.CURATOR,
                "password",
                AuthServer.PASSWORD,
                "next",
                "/account"),
            "Cookie",
            "custodiet_csrf=" + preCookie);
    assertThat(posted.statusCode()).isEqualTo(303);
    assertThat(posted.headers().firstValue("Location")).contains("/account");
    assertThat(AuthServer.setCookieHeader(posted, "custodiet_csrf")).contains("Max-Age=0");
    String session = AuthServer.setCookie(posted, "custodiet_session");
    assertThat(AuthServer.setCookieHeader(posted, "custodiet_session"))
        .contains("HttpOnly", "Secure", "SameSite=Lax", "Path=/", "Max-Age=43200");
    assertThat(session).hasSize(43);

    // Signing in again from a signed-in browser gives it a new session id and ends the old one.
    HttpResponse<String> login = server.get("/login", "Cookie", "custodiet_session=" + session);
    assertThat(login.statusCode()).isEqualTo(303);
    String sessionCsrf = server.sessions.resolve(session).orElseThrow().csrfToken();
    HttpResponse<String> again =
        server.postForm(
            "/login",
            form(
                "_csrf", sessionCsrf,
                "username", AuthServer.CURATOR,
                "password", AuthServer.PASSWORD),
            "Cookie",
            "custodiet_session=" + session);
    assertThat(again.statusCode()).isEqualTo(303);
    String rotated = AuthServer.setCookie(again, "custodiet_session");
    assertThat(rotated).hasSize(43).isNotEqualTo(session);
    assertThat(server.sessions.resolve(session)).as("the old session ended").isEmpty();
    session = rotated;

    HttpResponse<String> account = server.get("/account", "Cookie", "custodiet_session=" + session);
    assertThat(account.statusCode()).isEqualTo(200);
    assertThat(account.body()).contains("id=\"nav-account\"", ">carol</a>", "Sign out");
    assertThat(account.headers().firstValue("Cache-Control")).contains("no-store");

    String csrf = AuthServer.csrfOf(account.body());
    HttpResponse<String> out =
        server.postForm("/logout", form("_csrf", csrf), "Cookie", "custodiet_session=" + session);
    assertThat(out.statusCode()).isEqualTo(303);
    assertThat(AuthServer.setCookieHeader(out, "custodiet_session")).contains("Max-Age=0");
    HttpResponse<String> after = server.get("/account", "Cookie", "custodiet_session=" + session);
    assertThat(after.statusCode()).isEqualTo(303);
    assertThat(after.headers().firstValue("Location")).contains("/login?next=%2Faccount");
  }

  @Test
  void wrongPasswordsAndUnknownUsersGetTheSameAnswer() {
    HttpResponse<String> page = server.get("/login");
    String cookie = "custodiet_csrf=" + AuthServer.setCookie(page, "custodiet_csrf");
    String csrf = AuthServer.csrfOf(page.body());
    HttpResponse<String> wrong =
        server.postForm(
            "/login",
            form("_csrf", csrf, "username", AuthServer.VICTIM, "password", "not the password"),
            "Cookie",
            cookie);
    HttpResponse<String> unknown =
        server.postForm(
            "/login",
            form("_csrf", csrf, "username", "nobody", "password", "not the password"),
            "Cookie",
            cookie);
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(unknown.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).contains(AuthRoutes.REFUSED);
    assertThat(messageOf(wrong.body())).isEqualTo(messageOf(unknown.body()));
    assertThat(AuthServer.setCookie(wrong, "custodiet_session")).isNull();
    server.accounts.resetPassword("test:setup", AuthServer.VICTIM, AuthServer.PASSWORD);
  }

  @Test
  void fiveWrongPasswordsLockTheAccountAndTheLockOutIsLogged() {
    server.accounts.add("test:setup", "lou", Role.CURATOR, AuthServer.PASSWORD);
    HttpResponse<String> page = server.get("/login");
    String cookie = "custodiet_csrf=" + AuthServer.setCookie(page, "custodiet_csrf");
    String csrf = AuthServer.csrfOf(page.body());
    for (int i = 0; i < 5; i++) {
      HttpResponse<String> r =
          server.postForm(
              "/login",
              form("_csrf", csrf, "username", "lou", "password", "guess number " + i),
              "Cookie",
              cookie);
      assertThat(r.statusCode()).isEqualTo(401);
    }
    HttpResponse<String> right =
        server.postForm(
            "/login",
            form("_csrf", csrf, "username", "lou", "password", AuthServer.PASSWORD),
            "Cookie",
            cookie);
    assertThat(right.statusCode()).as("the right password while locked").isEqualTo(401);
    assertThat(messageOf(right.body())).contains(AuthRoutes.REFUSED);
    assertThat(server.account("lou").lockedUntil()).isNotNull();
    assertThat(new AuditLog(server.db).history("user", "lou"))
        .extracting(AuditEntry::action)
        .containsExactly("user_add", "user_lockout");
  }

  private static String messageOf(String html) {
    int start = html.indexOf("role=\"alert\">");
    return html.substring(start, html.indexOf("</p>", start));
  }

  @Test
  void aSignInFormWithoutItsCsrfCookieOrFieldIsRefused() {
    HttpResponse<String> page = server.get("/login");
    String preCookie = AuthServer.setCookie(page, "custodiet_csrf");
    String credentials = form("username", AuthServer.CURATOR, "password", AuthServer.PASSWORD);
    assertThat(server.postForm("/login", credentials).statusCode()).isEqualTo(403);
    assertThat(
            server
                .postForm("/login", credentials, "Cookie", "custodiet_csrf=" + preCookie)
                .statusCode())
        .isEqualTo(403);
    assertThat(
            server
                .postForm(
                    "/login",
                    credentials + "&_csrf=" + preCookie,
                    "Cookie",
                    "custodiet_csrf=" + preCookie.substring(1) + "x")
                .statusCode())
        .isEqualTo(403);
  }

  @Test
  void sessionWritesNeedTheSessionsCsrfTokenAndComeFromThisOrigin() {
    AuthServer.Browser b = server.session(AuthServer.CURATOR);
    String label = form("label", "from a test");
    assertThat(server.postForm("/account/tokens", label, "Cookie", b.cookie()).statusCode())
        .isEqualTo(403);
    AuthServer.Browser other = server.session(AuthServer.ADMIN);
    assertThat(
            server
                .postForm("/account/tokens", label + "&_csrf=" + other.csrf(), "Cookie", b.cookie())
                .statusCode())
        .as("another session's token")
        .isEqualTo(403);
    assertThat(
            server
                .postForm(
                    "/account/tokens",
                    label + "&_csrf=" + b.csrf(),
                    "Cookie",
                    b.cookie(),
                    "Origin",
                    "https://evil.example")
                .statusCode())
        .as("foreign Origin")
        .isEqualTo(403);
    assertThat(
            server
                .postForm(
                    "/account/tokens",
                    label + "&_csrf=" + b.csrf(),
                    "Cookie",
                    b.cookie(),
                    "Sec-Fetch-Site",
                    "cross-site")
                .statusCode())
        .as("cross-site fetch")
        .isEqualTo(403);
    HttpResponse<String> header =
        server.postForm(
            "/account/tokens",
            label,
            "Cookie",
            b.cookie(),
            "X-CSRF-Token",
            b.csrf(),
            "Origin",
            server.base(),
            "Sec-Fetch-Site",
            "same-origin");
    assertThat(header.statusCode()).isEqualTo(201);
  }

  @Test
  void aTokenIsShownOnceWorksAsBearerWithoutCsrfAndStopsWhenRevoked() {
    AuthServer.Browser b = server.session(AuthServer.CURATOR);
    HttpResponse<String> created =
        server.postForm(
            "/account/tokens", form("_csrf", b.csrf(), "label", "harvester"), "Cookie", b.cookie());
    assertThat(created.statusCode()).isEqualTo(201);
    String token =
        created
            .body()
            .replaceAll("(?s).*<code id=\"new-token\">(cst_[A-Za-z0-9_-]+)</code>.*", "$1");
    assertThat(token).startsWith("cst_").hasSize(47);
    HttpResponse<String> again = server.get("/account", "Cookie", b.cookie());
    assertThat(again.body()).doesNotContain(token).contains(token.substring(0, 12));

    HttpResponse<String> viaBearer =
        server.postForm(
            "/account/tokens",
            form("label", "made by a script"),
            "Authorization",
            "Bearer " + token);
    assertThat(viaBearer.statusCode()).isEqualTo(201);

    long id =
        server.tokens.list(AuthServer.CURATOR).stream()
            .filter(t -> t.name().equals("harvester"))
            .findFirst()
            .map(ApiTokens.TokenInfo::id)
            .orElseThrow();
    HttpResponse<String> revoked =
        server.postForm(
            "/account/tokens/" + id + "/revoke", form("_csrf", b.csrf()), "Cookie", b.cookie());
    assertThat(revoked.statusCode()).isEqualTo(303);
    HttpResponse<String> refused =
        server.get("/account", "Authorization", "Bearer " + token, "Accept", "text/html");
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.headers().firstValue("WWW-Authenticate"))
        .contains("Bearer realm=\"custodiet\"");
  }

  @Test
  void adminsManageUsersAndEveryChangeIsLoggedUnderTheirName() {
    AuthServer.Browser admin = server.session(AuthServer.ADMIN);
    HttpResponse<String> added =
        server.postForm(
            "/admin/users",
            form(
                "_csrf", admin.csrf(),
                "username", "dora",
                "role", "curator",
                "password", "dora's first passphrase"),
            "Cookie",
            admin.cookie());
    assertThat(added.statusCode()).isEqualTo(303);
    HttpResponse<String> page = server.get("/admin/users", "Cookie", admin.cookie());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains(">dora</th>");

    HttpResponse<String> duplicate =
        server.postForm(
            "/admin/users",
            form(
                "_csrf",
                admin.csrf(),
                "username",
                "dora",
                "role",
                "admin",
                "password",
                "another passphrase"),
            "Cookie",
            admin.cookie());
    assertThat(duplicate.statusCode()).isEqualTo(409);
    assertThat(duplicate.body()).contains("user 'dora' already exists");

    HttpResponse<String> weak =
        server.postForm(
            "/admin/users",
            form("_csrf", admin.csrf(), "username", "eve", "role", "curator", "password", "short"),
            "Cookie",
            admin.cookie());
    assertThat(weak.statusCode()).isEqualTo(400);
    assertThat(weak.body()).contains("password: too short");

    HttpResponse<String> badRole =
        server.postForm(
            "/admin/users",
            form(
                "_csrf",
                admin.csrf(),
                "username",
                "eve",
                "role",
                "root",
                "password",
                "long enough passphrase"),
            "Cookie",
            admin.cookie());
    assertThat(badRole.statusCode()).isEqualTo(400);
    assertThat(badRole.body()).contains("role: 'root' is not curator or admin");

    HttpResponse<String> noName =
        server.postForm(
            "/admin/users",
            form("_csrf", admin.csrf(), "role", "curator", "password", "long enough passphrase"),
            "Cookie",
            admin.cookie());
    assertThat(noName.statusCode()).isEqualTo(400);
    assertThat(noName.body()).contains("username: missing");
    HttpResponse<String> longName =
        server.postForm(
            "/admin/users/" + "x".repeat(300) + "/enable",
            form("_csrf", admin.csrf()),
            "Cookie",
            admin.cookie());
    assertThat(longName.statusCode()).isEqualTo(400);
    assertThat(longName.body()).contains("username: 300 characters");

    assertThat(
            server
                .postForm(
                    "/admin/users/dora/disable",
                    form("_csrf", admin.csrf()),
                    "Cookie",
                    admin.cookie())
                .statusCode())
        .isEqualTo(303);
    assertThat(server.account("dora").disabled()).isTrue();
    assertThat(
            server
                .postForm(
                    "/admin/users/ada/disable",
                    form("_csrf", admin.csrf()),
                    "Cookie",
                    admin.cookie())
                .statusCode())
        .as("disabling oneself")
        .isEqualTo(400);
    assertThat(
            server
                .postForm(
                    "/admin/users/nobody/enable",
                    form("_csrf", admin.csrf()),
                    "Cookie",
                    admin.cookie())
                .statusCode())
        .isEqualTo(404);

    List<AuditEntry> log = new AuditLog(server.db).history("user", "dora");
    assertThat(log).extracting(AuditEntry::action).containsExactly("user_add", "user_disable");
    assertThat(log).extracting(AuditEntry::actor).containsOnly("user:ada");
    assertThat(log.get(0).detail()).doesNotContain("passphrase");
  }

  @Test
  void hostileInputGetsClearRefusalsNeverAServerError() {
    HttpResponse<String> page = server.get("/login");
    String cookie = "custodiet_csrf=" + AuthServer.setCookie(page, "custodiet_csrf");
    String csrf = AuthServer.csrfOf(page.body());
    HttpResponse<String> longName =
        server.postForm(
            "/login",
            form("_csrf", csrf, "username", "x".repeat(5000), "password", "whatever it is"),
            "Cookie",
            cookie);
    assertThat(longName.statusCode()).isEqualTo(400);
    assertThat(longName.body()).contains("username: longer than 64 characters");
    HttpResponse<String> longPassword =
        server.postForm(
            "/login",
            form("_csrf", csrf, "username", "carol", "password", "p".repeat(2000)),
            "Cookie",
            cookie);
    assertThat(longPassword.statusCode()).isEqualTo(400);
    assertThat(longPassword.body()).contains("password: longer than 1024 characters");
    HttpResponse<String> missing =
        server.postForm("/login", form("_csrf", csrf, "username", "carol"), "Cookie", cookie);
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(missing.body()).contains("password: missing");
    HttpResponse<String> control =
        server.postForm(
            "/login",
            form("_csrf", csrf, "username", "car\u0000ol", "password", "whatever it is"),
            "Cookie",
            cookie);
    assertThat(control.statusCode()).isEqualTo(400);
    assertThat(control.body()).contains("username: contains a control character");

    for (String badCookie :
        List.of(
            "custodiet_session=",
            "custodiet_session=%zz",
            "custodiet_session=" + "A".repeat(43),
            "custodiet_session=\"quoted\"",
            "custodiet_session=" + "x".repeat(4000),
            "=;;;custodiet_session")) {
      HttpResponse<String> r = server.get("/account", "Cookie", badCookie);
      assertThat(r.statusCode()).as(badCookie).isEqualTo(303);
      HttpResponse<String> w =
          server.postForm("/account/tokens", form("label", "x"), "Cookie", badCookie);
      assertThat(w.statusCode()).as(badCookie).isEqualTo(401);
    }
    for (String badAuth :
        List.of(
            "Bearer",
            "Bearer ",
            "Basic Y2Fyb2w6cGFzcw==",
            "Bearer cst_short",
            "Bearer " + "x".repeat(600),
            "Bearer cst_" + "A".repeat(43))) {
      HttpResponse<String> r = server.get("/api/v1/countries", "Authorization", badAuth);
      assertThat(r.statusCode()).as(badAuth).isEqualTo(401);
      assertThat(r.body()).as(badAuth).startsWith("{").contains("\"field\":\"Authorization\"");
    }
    HttpResponse<String> badId =
        server.postForm(
            "/account/tokens/99999999999999999999999/revoke",
            form("_csrf", server.session(AuthServer.CURATOR).csrf()),
            "Authorization",
            "Bearer " + server.tokens.create("test:setup", AuthServer.CURATOR, "probe").token());
    assertThat(badId.statusCode()).isEqualTo(400);
  }

  @Test
  void nextOnlyEverPointsBackIntoThisSite() {
    assertThat(AuthRoutes.safeNext("/account")).isEqualTo("/account");
    assertThat(AuthRoutes.safeNext("/countries/KEN?as_of=2024-01-01"))
        .isEqualTo("/countries/KEN?as_of=2024-01-01");
    for (String bad :
        new String[] {
          null,
          "",
          "https://evil.example/",
          "//evil.example",
          "/\\evil.example",
          "javascript:alert(1)",
          "/a b",
          "/x\r\nSet-Cookie: a=b"
        }) {
      assertThat(AuthRoutes.safeNext(bad)).as(String.valueOf(bad)).isEqualTo("/");
    }
  }

  @Test
  void tooManySignInAttemptsFromOneAddressAreSlowedDown() {
    java.time.Instant start = java.time.Instant.parse("2026-01-01T00:00:00Z");
    java.util.concurrent.atomic.AtomicReference<java.time.Instant> now =
        new java.util.concurrent.atomic.AtomicReference<>(start);
    java.time.Clock clock =
        new java.time.Clock() {
          @Override
          public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
          }

          @Override
          public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public java.time.Instant instant() {
            return now.get();
          }
        };
    LoginThrottle throttle = new LoginThrottle(3, java.time.Duration.ofMinutes(10), clock);
    assertThat(throttle.attempt("10.0.0.1")).isZero();
    assertThat(throttle.attempt("10.0.0.1")).isZero();
    now.set(start.plusSeconds(60));
    assertThat(throttle.attempt("10.0.0.1")).isZero();
    assertThat(throttle.attempt("10.0.0.1")).isEqualTo(540);
    assertThat(throttle.attempt("10.0.0.2")).as("another address").isZero();
    now.set(start.plusSeconds(601));
    assertThat(throttle.attempt("10.0.0.1")).as("first two attempts aged out").isZero();
  }
}
