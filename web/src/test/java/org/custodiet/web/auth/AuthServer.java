package org.custodiet.web.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custodiet.core.account.Role;
import org.custodiet.store.Database;
import org.custodiet.store.SeedLoader;
import org.custodiet.store.account.Account;
import org.custodiet.store.account.AccountRepository;
import org.custodiet.store.account.ApiTokens;
import org.custodiet.store.account.Sessions;
import org.custodiet.store.search.SearchIndex;
import org.custodiet.web.Site;
import org.custodiet.web.WebServer;

/**
 * The real server on 127.0.0.1 over an H2 database with the bundled seed and three users: curator
 * "carol", admin "ada" and curator "victor", whom the admin tests disable and reset.
 */
final class AuthServer implements AutoCloseable {
  static final String CURATOR = "carol";
  static final String ADMIN = "ada";
  static final String VICTIM = "victor";
  static final String PASSWORD = "a long enough passphrase";

  private static final Pattern CSRF_FIELD =
      Pattern.compile("name=\"_csrf\" value=\"([A-Za-z0-9_-]{43})\"");

  final Database db;
  final Site site;
  final WebServer server;
  final AccountRepository accounts;
  final Sessions sessions;
  final ApiTokens tokens;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  AuthServer(Path dir) {
    this(dir, new WebServer.Options("127.0.0.1", 0));
  }

  AuthServer(Path dir, WebServer.Options options) {
    db = Database.openDirectory(dir.resolve("db"));
    new SeedLoader(db).loadBundled();
    accounts = new AccountRepository(db);
    sessions = new Sessions(db);
    tokens = new ApiTokens(db);
    accounts.add("test:setup", CURATOR, Role.CURATOR, PASSWORD);
    accounts.add("test:setup", ADMIN, Role.ADMIN, PASSWORD);
    accounts.add("test:setup", VICTIM, Role.CURATOR, PASSWORD);
    site = new Site(db, SearchIndex.inMemory());
    server = WebServer.start(site, options);
  }

  Account account(String username) {
    return accounts.find(username).orElseThrow();
  }

  String base() {
    return "http://127.0.0.1:" + server.port();
  }

  HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(30));
  }

  HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpResponse<String> get(String path, String... headers) {
    HttpRequest.Builder b = request(path).GET();
    if (headers.length > 0) {
      b.headers(headers);
    }
    return send(b.build());
  }

  HttpResponse<String> postForm(String path, String form, String... headers) {
    HttpRequest.Builder b =
        request(path)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return send(b.build());
  }

  /** name=value pairs, URL-encoded, as a browser sends a form. */
  static String form(String... namesAndValues) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      parts.add(
          URLEncoder.encode(namesAndValues[i], StandardCharsets.UTF_8)
              + "="
              + URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
    }
    return String.join("&", parts);
  }

  /** The value a response sets for cookie {@code name}, or null. */
  static String setCookie(HttpResponse<?> response, String name) {
    for (String header : response.headers().allValues("Set-Cookie")) {
      if (header.startsWith(name + "=")) {
        return header.substring(name.length() + 1, header.indexOf(';'));
      }
    }
    return null;
  }

  /** The whole Set-Cookie header for {@code name}, attributes included, or null. */
  static String setCookieHeader(HttpResponse<?> response, String name) {
    return response.headers().allValues("Set-Cookie").stream()
        .filter(h -> h.startsWith(name + "="))
        .findFirst()
        .orElse(null);
  }

  /** The first hidden CSRF field of a page. */
  static String csrfOf(String html) {
    Matcher m = CSRF_FIELD.matcher(html);
    if (!m.find()) {
      throw new AssertionError("no _csrf field on the page");
    }
    return m.group(1);
  }

  /** A signed-in browser: its session cookie and the session's CSRF token. */
  record Browser(String sessionId, String csrf) {
    String cookie() {
      return "custodiet_session=" + sessionId;
    }
  }

  /** Signs in through the form, as a browser does: GET the page, then POST it. */
  Browser signIn(String username, String password) {
    HttpResponse<String> page = get("/login");
    String preCookie = setCookie(page, "custodiet_csrf");
    HttpResponse<String> posted =
        postForm(
            "/login",
            form("_csrf", csrfOf(page.body()), "username", username, "password", password),
            "Cookie",
            "custodiet_csrf=" + preCookie);
    if (posted.statusCode() != 303) {
      throw new AssertionError("sign-in answered " + posted.statusCode() + ": " + posted.body());
    }
    String session = setCookie(posted, "custodiet_session");
    HttpResponse<String> home = get("/account", "Cookie", "custodiet_session=" + session);
    return new Browser(session, csrfOf(home.body()));
  }

  /** A session started directly in the store, as a sign-in would. */
  Browser session(String username) {
    Sessions.NewSession s = sessions.start(account(username).id());
    return new Browser(s.id(), s.csrfToken());
  }

  @Override
  public void close() {
    try {
      server.close();
    } finally {
      site.close();
      db.close();
    }
  }
}
