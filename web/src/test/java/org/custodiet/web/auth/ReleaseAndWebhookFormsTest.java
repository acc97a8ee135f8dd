package org.custodiet.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custodiet.core.audit.AuditEntry;
import org.custodiet.store.audit.AuditLog;
import org.custodiet.store.release.Release;
import org.custodiet.store.release.Releases;
import org.custodiet.store.webhook.Webhooks;
import org.custodiet.web.WebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin forms that make releases and manage webhooks, on the real server, signed in as an
 * admin: good input is done and logged under the admin's name; bad input is refused with the form
 * and a message that names the problem.
 */
class ReleaseAndWebhookFormsTest {
  private static final Pattern SECRET =
      Pattern.compile("<code class=\"secret\">([0-9a-f]{64})</code>");
  @TempDir static Path dir;
  static AuthServer server;
  static AuthServer.Browser admin;

  @BeforeAll
  static void start() {
    server = new AuthServer(dir);
    admin = server.session(AuthServer.ADMIN);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static HttpResponse<String> post(String path, String... fields) {
    String[] all = new String[fields.length + 2];
    all[0] = "_csrf";
    all[1] = admin.csrf();
    System.arraycopy(fields, 0, all, 2, fields.length);
    return server.postForm(path, AuthServer.form(all), "Cookie", admin.cookie());
  }

  @Test
  void anAdminMakesAReleaseAndBadNamesAreRefusedWithTheForm() {
    HttpResponse<String> form = server.get("/releases", "Cookie", admin.cookie());
    assertThat(form.body()).contains("Freeze the current state", "name=\"_csrf\"");
    assertThat(server.get("/releases").body()).doesNotContain("Freeze the current state");

    HttpResponse<String> made = post("/releases", "name", "web-1", "note", "From the form");
    assertThat(made.statusCode()).isEqualTo(303);
    assertThat(made.headers().firstValue("Location")).hasValue("/releases/web-1");
    Release r = new Releases(server.db).get("web-1");
    assertThat(r.createdBy()).isEqualTo("user:" + AuthServer.ADMIN);
    assertThat(r.note()).isEqualTo("From the form");

    HttpResponse<String> taken = post("/releases", "name", "web-1");
    assertThat(taken.statusCode()).isEqualTo(409);
    assertThat(taken.body()).contains("release name 'web-1' is taken");
    HttpResponse<String> bad = post("/releases", "name", "<script>x</script>");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("use 1 to 64 letters").doesNotContain("<script>x</script>");
    assertThat(post("/releases", "name", "").statusCode()).isEqualTo(400);
    assertThat(post("/releases", "name", "web-2", "as_of", "2026-13-01").statusCode())
        .isEqualTo(400);
    assertThat(post("/releases", "name", "web-3", "note", "n".repeat(3000)).statusCode())
        .isEqualTo(400);
    assertThat(new Releases(server.db).list()).extracting(Release::name).containsExactly("web-1");
  }

  @Test
  void anAdminAddsAWebhookSeesItsSecretOnceAndRemovesIt() {
    HttpResponse<String> bad = post("/admin/webhooks", "url", "ftp://hooks.example.org/x");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("webhook url: must start with http:// or https://");
    assertThat(
            post("/admin/webhooks", "url", "https://192.0.2.10", "scope", "country", "value", "QQQ")
                .body())
        .contains("unknown country 'QQQ'");
    assertThat(
            post("/admin/webhooks", "url", "https://192.0.2.10", "scope", "planet", "value", "x")
                .statusCode())
        .isEqualTo(400);
    assertThat(new Webhooks(server.db).list()).isEmpty();
    HttpResponse<String> local = post("/admin/webhooks", "url", "http://127.0.0.1:9/x");
    assertThat(local.statusCode()).isEqualTo(400);
    assertThat(local.body())
        .contains(
            "webhook url: http://127.0.0.1:9/x resolves to 127.0.0.1, a loopback address;",
            "--webhooks-allow-private",
            "value=\"http://127.0.0.1:9/x\"");
    HttpResponse<String> metadata =
        post("/admin/webhooks", "url", "http://169.254.169.254/latest/meta-data/");
    assertThat(metadata.statusCode()).isEqualTo(400);
    assertThat(metadata.body()).contains("a link-local address");
    HttpResponse<String> nowhere =
        post("/admin/webhooks", "url", "https://hooks.custodiet.invalid/");
    assertThat(nowhere.statusCode()).isEqualTo(400);
    assertThat(nowhere.body()).contains("the host 'hooks.custodiet.invalid' does not resolve");
    assertThat(new Webhooks(server.db).list()).isEmpty();

    HttpResponse<String> added =
        post(
            "/admin/webhooks",
            "url",
            "https://192.0.2.10/kenya",
            "scope",
            "country",
            "value",
            "ken");
    assertThat(added.statusCode()).isEqualTo(201);
    Matcher m = SECRET.matcher(added.body());
    assertThat(m.find()).isTrue();
    String secret = m.group(1);
    assertThat(added.body()).contains("country KEN");
    HttpResponse<String> page = server.get("/admin/webhooks", "Cookie", admin.cookie());
    assertThat(page.body()).contains("https://192.0.2.10/kenya").doesNotContain(secret);
    AuditEntry logged = new AuditLog(server.db).latest(1).get(0);
    assertThat(logged.action()).isEqualTo("webhook_add");
    assertThat(logged.actor()).isEqualTo("user:" + AuthServer.ADMIN);
    assertThat(logged.detail()).doesNotContain(secret);

    long id = new Webhooks(server.db).list().get(0).id();
    assertThat(post("/admin/webhooks/" + id + "/remove").statusCode()).isEqualTo(303);
    assertThat(new Webhooks(server.db).list()).isEmpty();
    assertThat(post("/admin/webhooks/" + id + "/remove").statusCode()).isEqualTo(404);
    assertThat(post("/admin/webhooks/not-a-number/remove").statusCode()).isEqualTo(404);
  }

  @Test
  void aServerThatAllowsPrivateTargetsAcceptsALoopbackWebhook() {
    try (AuthServer allowing =
        new AuthServer(dir.resolve("allowing"), new WebServer.Options("127.0.0.1", 0, true))) {
      AuthServer.Browser ada = allowing.session(AuthServer.ADMIN);
      HttpResponse<String> added =
          allowing.postForm(
              "/admin/webhooks",
              AuthServer.form("_csrf", ada.csrf(), "url", "http://127.0.0.1:9/x"),
              "Cookie",
              ada.cookie());
      assertThat(added.statusCode()).isEqualTo(201);
      assertThat(new Webhooks(allowing.db).list())
          .extracting(w -> w.url())
          .containsExactly("http://127.0.0.1:9/x");
    }
  }
}
