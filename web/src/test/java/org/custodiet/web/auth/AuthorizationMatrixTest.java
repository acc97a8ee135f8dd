package org.custodiet.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every write route of the real server, and the account and admin pages, called by each kind of
 * caller, each expecting exactly one status. The table must name every such route the server
 * registers, so a new write route fails this test until someone decides who may call it.
 *
 * <p>To add a route: one {@link #row} with the route as {@code WebServer.routes()} prints it, a
 * request that would succeed for the right role, and the five statuses in the order of {@link
 * Caller}.
 */
class AuthorizationMatrixTest {
  /** Who calls, in the order of the status columns. */
  enum Caller {
    /** No cookie, no token. */
    ANONYMOUS,
    /** A curator's session cookie and its CSRF token. */
    CURATOR,
    /** An admin's session cookie and its CSRF token. */
    ADMIN,
    /** A curator's session cookie without the CSRF token: a forged cross-site form. */
    CURATOR_NO_CSRF,
    /** An admin's API token as a bearer token, no cookie and no CSRF token. */
    ADMIN_BEARER
  }

  static final String PW = AuthServer.PASSWORD;

  static final List<Row> TABLE =
      List.of(
          row(
              "POST /login",
              c -> c.form("/login", "username", AuthServer.CURATOR, "password", PW),
              403,
              303,
              303,
              403,
              403),
          row("POST /logout", c -> c.form("/logout"), 303, 303, 303, 403, 303),
          row("GET /account", c -> c.get("/account"), 303, 200, 200, 200, 200),
          row(
              "POST /account/password",
              c -> c.form("/account/password", "current", PW, "password", PW, "confirm", PW),
              401,
              303,
              303,
              403,
              303),
          row(
              "POST /account/tokens",
              c -> c.form("/account/tokens", "label", "matrix"),
              401,
              201,
              201,
              403,
              201),
          row(
              "POST /account/tokens/{id}/revoke",
              c -> c.form("/account/tokens/" + c.ownTokenId() + "/revoke"),
              401,
              303,
              303,
              403,
              303),
          row("GET /admin/users", c -> c.get("/admin/users"), 303, 403, 200, 403, 200),
          row(
              "POST /admin/users",
              c ->
                  c.form(
                      "/admin/users",
                      "username",
                      c.fresh("new"),
                      "role",
                      "curator",
                      "password",
                      PW),
              401,
              403,
              303,
              403,
              303),
          row(
              "POST /admin/users/{username}/disable",
              c -> c.form("/admin/users/victor/disable"),
              401,
              403,
              303,
              403,
              303),
          row(
              "POST /admin/users/{username}/enable",
              c -> c.form("/admin/users/victor/enable"),
              401,
              403,
              303,
              403,
              303),
          row(
              "POST /admin/users/{username}/reset",
              c -> c.form("/admin/users/victor/reset", "password", PW),
              401,
              403,
              303,
              403,
              303),
          row(
              "POST /admin/users/{username}/role",
              c -> c.form("/admin/users/victor/role", "role", "curator"),
              401,
              403,
              303,
              403,
              303),
          row(
              "POST /review/{id}/accept",
              c -> c.form("/review/" + c.candidate() + "/accept", "tier", "C"),
              401,
              303,
              303,
              403,
              303),
          row(
              "POST /review/{id}/reject",
              c -> c.form("/review/" + c.candidate() + "/reject", "reason", "matrix"),
              401,
              303,
              303,
              403,
              303),
          row(
              "POST /review/{id}/merge",
              c ->
                  c.form(
                      "/review/" + c.candidate() + "/merge",
                      "into_claim",
                      "aigs/KEN/supplies/huawei"),
              401,
              303,
              303,
              403,
              303),
          row(
              "POST /review/bulk",
              c ->
                  c.form(
                      "/review/bulk",
                      "action",
                      "reject",
                      "ids",
                      Long.toString(c.candidate()),
                      "reason",
                      "matrix"),
              401,
              303,
              303,
              403,
              303),
          row(
              "POST /claims/<id>/dispute",
              c -> c.form("/claims/" + c.seedClaim() + "/dispute", "reason", "matrix"),
              401,
              303,
              303,
              403,
              303),
          row(
              "POST /claims/<id>/retract",
              c -> c.form("/claims/" + c.seedClaim() + "/retract", "reason", "matrix"),
              401,
              303,
              303,
              403,
              303),
          row(
              "POST /claims/<id>/edit",
              c ->
                  c.form(
                      "/claims/aigs/KEN/supplies/huawei/edit",
                      "agency",
                      c.fresh("agency "),
                      "reason",
                      "matrix"),
              401,
              303,
              303,
              403,
              303),
          row(
              "POST /api/v1/candidates/{id}/accept",
              c -> c.json("POST", "/api/v1/candidates/" + c.candidate() + "/accept", "{}"),
              401,
              200,
              200,
              403,
              200),
          row(
              "POST /api/v1/candidates/{id}/reject",
              c ->
                  c.json(
                      "POST",
                      "/api/v1/candidates/" + c.candidate() + "/reject",
                      "{\"reason\": \"matrix\"}"),
              401,
              200,
              200,
              403,
              200),
          row(
              "POST /api/v1/claims/<id>/dispute",
              c ->
                  c.json(
                      "POST",
                      "/api/v1/claims/" + c.seedClaim() + "/dispute",
                      "{\"reason\": \"matrix\"}"),
              401,
              200,
              200,
              403,
              200),
          row(
              "POST /api/v1/claims/<id>/retract",
              c ->
                  c.json(
                      "POST",
                      "/api/v1/claims/" + c.seedClaim() + "/retract",
                      "{\"reason\": \"matrix\"}"),
              401,
              200,
              200,
              403,
              200),
          row(
              "POST /releases",
              c -> c.form("/releases", "name", c.fresh("matrix-"), "note", "matrix"),
              401,
              403,
              303,
              403,
              303),
          row("GET /admin/webhooks", c -> c.get("/admin/webhooks"), 303, 403, 200, 403, 200),
          row(
              "POST /admin/webhooks",
              c -> c.form("/admin/webhooks", "url", "https://192.0.2.10/matrix"),
              401,
              403,
              201,
              403,
              201),
          row(
              "POST /admin/webhooks/{id}/remove",
              c ->
                  c.form(
                      "/admin/webhooks/"
                          + new org.custodiet.store.webhook.Webhooks(
                                  AuthorizationMatrixTest.server.db)
                              .add(
                                  "https://192.0.2.10/gone",
                                  org.custodiet.store.webhook.WebhookScope.ALL,
                                  "test:setup")
                              .webhook()
                              .id()
                          + "/remove"),
              401,
              403,
              303,
              403,
              303),
          row(
              "POST /api/v1/match",
              c -> c.json("POST", "/api/v1/match", "{\"queries\": [{\"name\": \"Hikvision\"}]}"),
              200,
              200,
              200,
              403,
              200),
          row(
              "POST /api/v1/match/decisions",
              c ->
                  c.json(
                      "POST",
                      "/api/v1/match/decisions",
                      "{\"name\": \"Hikvision\", \"list\": \"bis-surveillance\", \"entry\":"
                          + " \"hikvision\", \"verdict\": \"confirmed\", \"reason\": \"matrix\"}"),
              401,
              201,
              201,
              403,
              201),
          row(
              "POST /screen/decisions",
              c ->
                  c.form(
                      "/screen/decisions",
                      "name",
                      "Hikvision",
                      "list",
                      "bis-surveillance",
                      "entry",
                      "hikvision",
                      "verdict",
                      "false_positive",
                      "reason",
                      "matrix"),
              401,
              303,
              303,
              403,
              303));

  @TempDir static Path dir;
  static AuthServer server;
  static String adminToken;

  @BeforeAll
  static void start() {
    server = new AuthServer(dir);
    adminToken = server.tokens.create("test:setup", AuthServer.ADMIN, "matrix").token();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** The routes the table must cover: every write, and reads of account and admin pages. */
  static boolean guarded(String route) {
    String method = route.substring(0, route.indexOf(' '));
    String path = route.substring(route.indexOf(' ') + 1);
    return Set.of("POST", "PUT", "PATCH", "DELETE").contains(method)
        || (method.equals("GET") && (path.startsWith("/admin") || path.startsWith("/account")));
  }

  @Test
  void theTableNamesExactlyTheGuardedRoutesTheServerRegisters() {
    Set<String> registered = new TreeSet<>();
    for (String route : server.server.routes()) {
      if (guarded(route)) {
        registered.add(route);
      }
    }
    Set<String> listed = new TreeSet<>();
    for (Row r : TABLE) {
      assertThat(listed.add(r.route())).as("listed twice: " + r.route()).isTrue();
    }
    Set<String> missing = new TreeSet<>(registered);
    missing.removeAll(listed);
    Set<String> stale = new TreeSet<>(listed);
    stale.removeAll(registered);
    assertThat(missing).as("routes with no row in the authorization matrix").isEmpty();
    assertThat(stale).as("rows for routes the server does not register").isEmpty();
    assertThat(registered).contains("POST /login", "POST /admin/users");
  }

  @Test
  void everyCallerGetsExactlyTheIntendedStatusOnEveryRoute() {
    List<String> wrong = new ArrayList<>();
    for (Row row : TABLE) {
      for (Caller caller : Caller.values()) {
        // A fresh session for every call: an earlier call may have ended the last one.
        AuthServer.Browser session =
            switch (caller) {
              case CURATOR, CURATOR_NO_CSRF -> server.session(AuthServer.CURATOR);
              case ADMIN -> server.session(AuthServer.ADMIN);
              case ANONYMOUS, ADMIN_BEARER -> null;
            };
        Call call = row.request().apply(new Context(caller));
        HttpResponse<String> response = send(call, caller, session);
        int expected = row.expected()[caller.ordinal()];
        if (response.statusCode() != expected) {
          wrong.add(
              row.route()
                  + " as "
                  + caller
                  + ": expected "
                  + expected
                  + ", got "
                  + response.statusCode()
                  + " "
                  + snippet(response.body()));
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  private static String snippet(String body) {
    int alert = body.indexOf("error-message");
    String s = alert >= 0 ? body.substring(alert) : body;
    return s.substring(0, Math.min(160, s.length())).replace('\n', ' ');
  }

  private static HttpResponse<String> send(Call call, Caller caller, AuthServer.Browser session) {
    boolean withCsrf = caller == Caller.CURATOR || caller == Caller.ADMIN;
    String body = call.body();
    HttpRequest.Builder b = server.request(call.path());
    if (session != null) {
      b.header("Cookie", session.cookie());
      if (withCsrf && call.contentType() != null) {
        if (call.contentType().startsWith("application/x-www-form-urlencoded")) {
          body = (body.isEmpty() ? "" : body + "&") + AuthServer.form("_csrf", session.csrf());
        } else {
          b.header("X-CSRF-Token", session.csrf());
        }
      }
    }
    if (caller == Caller.ADMIN_BEARER) {
      b.header("Authorization", "Bearer " + adminToken);
    }
    if (call.method().equals("GET")) {
      b.GET();
    } else {
      b.header("Content-Type", call.contentType());
      b.method(call.method(), HttpRequest.BodyPublishers.ofString(body));
    }
    return server.send(b.build());
  }

  // The table's vocabulary

  /** One route, the request that exercises it, and the status each caller must get. */
  record Row(String route, Function<Context, Call> request, int[] expected) {}

  /** A request: method, path, body and its media type (null for GET). */
  record Call(String method, String path, String contentType, String body) {}

  /**
   * One row: the route as the server lists it, a request for it and the statuses for anonymous,
   * curator, admin, curator-without-CSRF and admin-bearer callers.
   */
  static Row row(
      String route,
      Function<Context, Call> request,
      int anonymous,
      int curator,
      int admin,
      int curatorNoCsrf,
      int adminBearer) {
    return new Row(
        route, request, new int[] {anonymous, curator, admin, curatorNoCsrf, adminBearer});
  }

  private static final AtomicInteger FRESH = new AtomicInteger();

  /** What a row's request may depend on: who is calling. */
  static final class Context {
    private final Caller caller;

    Context(Caller caller) {
      this.caller = caller;
    }

    /** The user the caller acts as; anonymous callers aim at the curator's things. */
    String username() {
      return caller == Caller.ADMIN || caller == Caller.ADMIN_BEARER
          ? AuthServer.ADMIN
          : AuthServer.CURATOR;
    }

    /** A new API token of the caller's user, to revoke. */
    long ownTokenId() {
      return server.tokens.create("test:setup", username(), "to revoke").id();
    }

    /** A name used by no earlier request. */
    String fresh(String prefix) {
      return prefix + FRESH.incrementAndGet();
    }

    /** A new pending candidate claim, read in a new document of its own. */
    long candidate() {
      int n = FRESH.incrementAndGet();
      String text = "Report " + n + ": Hikvision cameras were switched on at the Mombasa harbour.";
      var stored =
          (org.custodiet.store.ingest.StoreOutcome.Stored)
              new org.custodiet.store.ingest.DocumentRepository(server.db, 0.5)
                  .store(
                      new org.custodiet.store.ingest.NewDocument(
                          "https://matrix.example/" + n,
                          String.format("%064x", 700_000 + n),
                          null,
                          null,
                          "matrix.example",
                          "jsonl",
                          "matrix line " + n,
                          text,
                          new int[] {n},
                          new long[] {700_000L + n}),
                      List.of(
                          new org.custodiet.core.extract.CandidateClaim(
                              "hikvision",
                              "KEN",
                              "smart_city",
                              "Mombasa",
                              null,
                              0.5,
                              0,
                              text.length(),
                              "matrix",
                              "1")));
      return server
          .db
          .jdbi()
          .withHandle(
              h ->
                  h.createQuery("SELECT id FROM candidate_claim WHERE document_id = ?")
                      .bind(0, stored.documentId())
                      .mapTo(Long.class)
                      .one());
    }

    /** A seed claim no earlier request has flagged. */
    String seedClaim() {
      int n = FRESH.incrementAndGet();
      return server
          .db
          .jdbi()
          .withHandle(
              h ->
                  h.createQuery(
                          "SELECT id FROM claim WHERE id LIKE 'aigs/%/uses/%' ORDER BY id"
                              + " LIMIT 1 OFFSET ?")
                      .bind(0, n)
                      .mapTo(String.class)
                      .one());
    }

    Call get(String path) {
      return new Call("GET", path, null, "");
    }

    Call form(String path, String... namesAndValues) {
      return new Call(
          "POST", path, "application/x-www-form-urlencoded", AuthServer.form(namesAndValues));
    }

    Call json(String method, String path, String json) {
      return new Call(method, path, "application/json", json);
    }
  }
}
