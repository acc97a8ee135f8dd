package org.custodiet.web.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.custodiet.core.account.Role;
import org.custodiet.core.extract.CandidateClaim;
import org.custodiet.store.Database;
import org.custodiet.store.account.Account;
import org.custodiet.store.account.AccountRepository;
import org.custodiet.store.account.Sessions;
import org.custodiet.store.ingest.DocumentRepository;
import org.custodiet.store.ingest.NewDocument;
import org.custodiet.store.ingest.StoreOutcome;
import org.custodiet.web.pages.TestSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The review pages and their plain forms over real HTTP, signed in by a session cookie. */
class ReviewFormsTest {
  @TempDir static Path dir;
  static TestSite site;
  static String cookie;
  static String csrf;
  static int next;
  static final HttpClient HTTP =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @BeforeAll
  static void start() throws Exception {
    site = TestSite.start(dir);
    Database db = site.site().database();
    Account henry =
        new AccountRepository(db).add("job:test", "henry", Role.CURATOR, "a long password 5678");
    Sessions.NewSession session = new Sessions(db).start(henry.id());
    cookie = "custodiet_session=" + session.id();
    csrf = session.csrfToken();
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  /** A document with one candidate spanning the whole (our own) text; returns the candidate id. */
  static long candidate(String text, String supplier, String url) {
    Database db = site.site().database();
    int n = ++next;
    int[] signature = new int[20];
    for (int i = 0; i < signature.length; i++) {
      signature[i] = (900 + n) * 1000 + i;
    }
    StoreOutcome.Stored stored =
        (StoreOutcome.Stored)
            new DocumentRepository(db, 0.5)
                .store(
                    new NewDocument(
                        url,
                        String.format("%064x", 9000 + n),
                        "Form test " + n,
                        "2024-07-01",
                        url == null ? null : URI.create(url).getHost(),
                        "jsonl",
                        "forms.jsonl line " + n,
                        text,
                        signature,
                        new long[] {900 + n}),
                    List.of(
                        new CandidateClaim(
                            supplier,
                            "KEN",
                            "smart_city",
                            "Kisumu",
                            null,
                            0.6,
                            0,
                            text.length(),
                            "test",
                            "1")));
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT id FROM candidate_claim WHERE document_id = ?")
                    .bind(0, stored.documentId())
                    .mapTo(Long.class)
                    .one());
  }

  static HttpResponse<String> get(String path, boolean signedIn) throws Exception {
    HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(site.base() + path)).GET();
    if (signedIn) {
      r.header("Cookie", cookie);
    }
    return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> post(String path, boolean withCsrf, String... pairs)
      throws Exception {
    List<String> fields = new ArrayList<>();
    if (withCsrf) {
      fields.add("_csrf=" + csrf);
    }
    for (int i = 0; i < pairs.length; i += 2) {
      fields.add(pairs[i] + "=" + URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
    }
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(site.base() + path))
            .header("Cookie", cookie)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(String.join("&", fields)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static String status(long id) {
    return site.site()
        .database()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT status FROM candidate_claim WHERE id = ?")
                    .bind(0, id)
                    .mapTo(String.class)
                    .one());
  }

  @Test
  void theQueueNeedsACuratorAndTheCandidatePagePrintsTheArticleAsText() throws Exception {
    String hostile = "Kisumu <b>cameras</b> by Dahua <script>window.__x = 1</script> went live.";
    long id = candidate(hostile, "dahua", "https://lake.test/kisumu");
    HttpResponse<String> anonymous = get("/review", false);
    assertThat(anonymous.statusCode()).isEqualTo(303);
    assertThat(anonymous.headers().firstValue("Location").orElse("")).startsWith("/login");

    HttpResponse<String> queue = get("/review?country=KEN", true);
    assertThat(queue.statusCode()).isEqualTo(200);
    assertThat(queue.body()).contains("id=\"cand-" + id + "\"").doesNotContain("<b>cameras</b>");

    HttpResponse<String> page = get("/review/" + id, true);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("<mark id=\"evidence\">Kisumu &lt;b&gt;cameras&lt;/b&gt;")
        .doesNotContain("<script>window.__x")
        .contains("would create claim dep/dahua/KEN/smart_city/kisumu (reported)");
    assertThat(get("/review/999999", true).statusCode()).isEqualTo(404);
    assertThat(get("/review/abc", true).statusCode()).isEqualTo(404);
    assertThat(get("/review?sort=sideways", true).statusCode()).isEqualTo(400);
  }

  @Test
  void formsDecideAndRefuseBadInputNamingTheField() throws Exception {
    long id =
        candidate(
            "Hikvision cameras watch the Kisumu pier.", "hikvision", "https://lake.test/pier");
    assertThat(post("/review/" + id + "/reject", false, "reason", "x").statusCode()).isEqualTo(403);
    HttpResponse<String> noReason = post("/review/" + id + "/reject", true);
    assertThat(noReason.statusCode()).isEqualTo(400);
    assertThat(noReason.body()).contains("reason: required");
    assertThat(post("/review/" + id + "/accept", true, "tier", "Q").body())
        .contains("tier: &#39;Q&#39; is not a tier");
    assertThat(post("/review/" + id + "/accept", true, "agency", "a".repeat(501)).statusCode())
        .isEqualTo(400);
    assertThat(post("/review/999999/accept", true).statusCode()).isEqualTo(404);
    assertThat(status(id)).isEqualTo("pending");

    HttpResponse<String> accepted =
        post(
            "/review/" + id + "/accept",
            true,
            "tier",
            "B",
            "agency",
            "County police",
            "return",
            "/review?country=KEN");
    assertThat(accepted.statusCode()).isEqualTo(303);
    assertThat(accepted.headers().firstValue("Location").orElse(""))
        .startsWith("/review?country=KEN&notice=");
    assertThat(status(id)).isEqualTo("accepted");
    String location = accepted.headers().firstValue("Location").orElseThrow();
    assertThat(get(location, true).body())
        .contains("<p class=\"notice\" role=\"status\">Candidate " + id + " accepted");
    // A notice without this server's signature is not shown: links cannot put words on the page.
    assertThat(get("/review?notice=Sign+in+again+at+evil.example", true).body())
        .doesNotContain("evil.example");
    assertThat(get(location.replaceAll("sig=[0-9a-f]+", "sig=00"), true).body())
        .doesNotContain("class=\"notice\"");
    assertThat(post("/review/" + id + "/reject", true, "reason", "late").statusCode())
        .isEqualTo(409);
    HttpResponse<String> elsewhere =
        post("/review/" + id + "/reject", true, "reason", "x", "return", "https://evil.test/");
    assertThat(elsewhere.statusCode()).isEqualTo(409);
  }

  @Test
  void bulkActionsDecideEachSelectedCandidate() throws Exception {
    long a =
        candidate("ZTE cameras were installed in Kisumu market.", "zte", "https://lake.test/a");
    long b = candidate("ZTE kit now monitors the Kisumu bus park.", "zte", "https://lake.test/b");
    long c = candidate("ZTE screens cover Kisumu port.", "zte", null);
    assertThat(post("/review/bulk", true, "action", "reject", "ids", Long.toString(a)).statusCode())
        .isEqualTo(400);
    assertThat(post("/review/bulk", true, "action", "delete", "ids", Long.toString(a)).statusCode())
        .isEqualTo(400);
    HttpResponse<String> r =
        post(
            "/review/bulk",
            true,
            "action",
            "accept",
            "ids",
            Long.toString(a),
            "ids",
            Long.toString(b),
            "ids",
            Long.toString(c),
            "reason",
            "same contract");
    assertThat(r.statusCode()).isEqualTo(303);
    String location =
        java.net.URLDecoder.decode(
            r.headers().firstValue("Location").orElse(""), StandardCharsets.UTF_8);
    assertThat(location).contains("Accepted 2 of 3").contains(c + ": source_url");
    assertThat(status(a)).isEqualTo("accepted");
    assertThat(status(b)).isEqualTo("accepted");
    assertThat(status(c)).isEqualTo("pending");
  }

  @Test
  void curatorsDisputeOnTheClaimPage() throws Exception {
    String claim = "dep/safaricom/KEN/smart_city/mombasa";
    HttpResponse<String> page = get("/claims/" + claim, true);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("action=\"/claims/" + claim + "/dispute\"");
    assertThat(post("/claims/" + claim + "/dispute", true).statusCode()).isEqualTo(400);
    HttpResponse<String> disputed =
        post("/claims/" + claim + "/dispute", true, "reason", "the county denies it");
    assertThat(disputed.statusCode()).isEqualTo(303);
    HttpResponse<String> after = get("/claims/" + claim, false);
    assertThat(after.body()).contains("Disputed").contains("by user:henry").contains("st-disputed");
    HttpResponse<String> edited =
        post("/claims/" + claim + "/edit", true, "stage", "trial", "reason", "a pilot only");
    assertThat(edited.statusCode()).isEqualTo(303);
    assertThat(get("/claims/" + claim, false).body()).contains("Edited").contains("a pilot only");
    assertThat(
            post("/claims/" + claim + "/edit", true, "colour", "red", "reason", "x").statusCode())
        .isEqualTo(400);
  }
}
