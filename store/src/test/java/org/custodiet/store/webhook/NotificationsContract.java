package org.custodiet.store.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.custodiet.core.audit.AuditEntry;
import org.custodiet.core.index.IndexEngine;
import org.custodiet.store.ClaimImporter;
import org.custodiet.store.Database;
import org.custodiet.store.KnowledgeBaseRepository;
import org.custodiet.store.SeedLoader;
import org.custodiet.store.audit.AuditLog;
import org.custodiet.store.feed.Announcement;
import org.custodiet.store.feed.Announcements;
import org.custodiet.store.feed.ClaimAnnouncer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Announcements of newly established claims and their webhook deliveries, against each database the
 * store supports, with a real HTTP receiver on the loopback interface. Tests that register or send
 * to the receiver, or to example.org names (which need DNS), allow private targets explicitly; the
 * default policy is tested by the last two tests here and by {@link WebhookTargetsTest}.
 */
abstract class NotificationsContract {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;
  private final List<AutoCloseable> opened = new ArrayList<>();

  protected abstract Database createDatabase() throws Exception;

  Database seeded() throws Exception {
    Database db = createDatabase();
    opened.add(db);
    new SeedLoader(db).loadBundled();
    return db;
  }

  @AfterEach
  void closeAll() throws Exception {
    Collections.reverse(opened);
    for (AutoCloseable c : opened) {
      c.close();
    }
  }

  static IndexEngine engine(Database db) {
    return new IndexEngine(new KnowledgeBaseRepository(db).load());
  }

  static ClaimAnnouncer announcer(Database db) {
    return new ClaimAnnouncer(db, Clock.systemUTC(), "https://index.example.org/");
  }

  /** Imports a claim that a tier-A source establishes at once. */
  void importEstablished(Database db, String claimId, String iso3, String technology)
      throws Exception {
    String sourceId = "doc-" + String.format("%012x", Math.abs((long) claimId.hashCode()));
    Path file = Files.createTempFile(tmp, "announce-", ".json");
    Files.writeString(
        file,
        """
        {"format": "custodiet-claims/1",
         "sources": [{"id": "%s", "type": "document",
           "url": "https://gazette.example.gov/notice/%s",
           "title": "Gazette notice on camera analytics", "publisher": "Example Official Gazette",
           "published": "2025-06-10", "tier": "A", "kind": "official"}],
         "claims": [{"id": "%s", "kind": "supplies", "country_iso3": "%s",
           "technology": "%s", "supplier_company_id": "hikvision",
           "evidence": [{"source_id": "%s",
             "summary": "The gazette names the supplier of the city camera analytics"}]}]}
        """
            .formatted(sourceId, sourceId, claimId, iso3, technology, sourceId));
    new ClaimImporter(db).importFile(file);
  }

  @Test
  void theFirstRunIsABaselineAndLaterClaimsAreAnnouncedOnceWithDeliveries() throws Exception {
    Database db = seeded();
    Webhooks webhooks = new Webhooks(db, WebhookTargets.ALLOW_PRIVATE);
    var all = webhooks.add("https://hooks.example.org/all", WebhookScope.ALL, "cli:tester");
    var kenya =
        webhooks.add("https://hooks.example.org/ken", WebhookScope.country("KEN"), "cli:tester");
    var peru =
        webhooks.add("https://hooks.example.org/per", WebhookScope.country("PER"), "cli:tester");
    var tech =
        webhooks.add(
            "https://hooks.example.org/fr",
            WebhookScope.technology("facial_recognition"),
            "cli:tester");

    ClaimAnnouncer.Result first = announcer(db).announce(engine(db));
    assertThat(first.baseline()).isPositive();
    assertThat(first.announced()).isZero();
    assertThat(first.deliveries()).isZero();
    Announcements announcements = new Announcements(db);
    assertThat(announcements.latest(Announcements.Filter.ALL, 50)).isEmpty();
    assertThat(announcements.count()).isEqualTo(first.baseline());

    importEstablished(db, "test/KEN/supplies/hikvision/fr", "KEN", "facial_recognition");
    long head = new AuditLog(db).head().seq();
    ClaimAnnouncer.Result second = announcer(db).announce(engine(db));
    assertThat(second).isEqualTo(new ClaimAnnouncer.Result(1, 0, 3));
    assertThat(announcer(db).announce(engine(db))).isEqualTo(new ClaimAnnouncer.Result(0, 0, 0));

    List<Announcement> feed = announcements.latest(Announcements.Filter.ALL, 50);
    assertThat(feed)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.claimId()).isEqualTo("test/KEN/supplies/hikvision/fr");
              assertThat(a.title())
                  .isEqualTo("Hikvision supplies facial recognition in Kenya (established)");
              assertThat(a.summary()).contains("Gazette notice on camera analytics", "tier A");
              assertThat(a.auditSeq()).isEqualTo(head);
            });
    assertThat(announcements.latest(new Announcements.Filter("KEN", null, null), 50)).hasSize(1);
    assertThat(announcements.latest(new Announcements.Filter("PER", null, null), 50)).isEmpty();
    assertThat(announcements.latest(new Announcements.Filter(null, "hikvision", null), 50))
        .hasSize(1);
    assertThat(announcements.latest(new Announcements.Filter(null, "huawei", null), 50)).isEmpty();
    assertThat(announcements.latest(new Announcements.Filter(null, null, "facial_recognition"), 50))
        .hasSize(1);

    List<Delivery> deliveries = webhooks.deliveries(10);
    assertThat(deliveries)
        .extracting(Delivery::webhookId)
        .containsExactlyInAnyOrder(all.webhook().id(), kenya.webhook().id(), tech.webhook().id())
        .doesNotContain(peru.webhook().id());
    JsonNode body = JSON.readTree(deliveries.get(0).payload());
    assertThat(body.get("event").asText()).isEqualTo("claim.established");
    assertThat(body.get("claim").get("id").asText()).isEqualTo("test/KEN/supplies/hikvision/fr");
    assertThat(body.get("claim").get("sources").get(0).get("tier").asText()).isEqualTo("A");
    assertThat(body.get("links").get("country").asText())
        .isEqualTo("https://index.example.org/countries/KEN");
  }

  @Test
  void announcersRacingOnOneDatabaseAnnounceEachClaimOnce() throws Exception {
    Database db = seeded();
    announcer(db).announce(engine(db));
    new Webhooks(db, WebhookTargets.ALLOW_PRIVATE)
        .add("https://hooks.example.org/all", WebhookScope.ALL, "cli:tester");
    importEstablished(db, "test/KEN/supplies/hikvision/sc", "KEN", "smart_city");
    IndexEngine engine = engine(db);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<ClaimAnnouncer.Result>> runs = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        runs.add(() -> announcer(db).announce(engine));
      }
      int announced = 0;
      int deliveries = 0;
      for (Future<ClaimAnnouncer.Result> f : pool.invokeAll(runs)) {
        announced += f.get().announced();
        deliveries += f.get().deliveries();
      }
      assertThat(announced).isEqualTo(1);
      assertThat(deliveries).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(new Webhooks(db).deliveries(10)).hasSize(1);
  }

  @Test
  void badWebhooksAreRefusedAndAddingAndRemovingIsLoggedWithoutTheSecret() throws Exception {
    Database db = seeded();
    Webhooks webhooks = new Webhooks(db, WebhookTargets.ALLOW_PRIVATE);
    Map<String, String> bad =
        Map.of(
            "ftp://hooks.example.org/x",
            "http:// or https://",
            "https://user:pw@hooks.example.org/x",
            "credentials",
            "https:///no-host",
            "host",
            "https://hooks.example.org/" + "a".repeat(2000),
            "at most 2000",
            "https://hooks.example.org/a b",
            "spaces",
            "not a url at all",
            "spaces",
            "",
            "give the address",
            "https://hooks.example.org/#frag",
            "fragment",
            "mailto:someone@example.org",
            "http:// or https://");
    bad.forEach(
        (url, message) ->
            assertThatThrownBy(() -> webhooks.add(url, WebhookScope.ALL, "cli:tester"))
                .as(url)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("webhook url")
                .hasMessageContaining(message));
    assertThatThrownBy(
            () -> webhooks.add("https://h.example.org", WebhookScope.country("XXX"), "t"))
        .hasMessageContaining("unknown country 'XXX'");
    assertThatThrownBy(
            () -> webhooks.add("https://h.example.org", WebhookScope.company("nobody"), "t"))
        .hasMessageContaining("unknown company 'nobody'");
    assertThatThrownBy(
            () -> webhooks.add("https://h.example.org", WebhookScope.technology("telepathy"), "t"))
        .hasMessageContaining("unknown technology 'telepathy'");
    assertThatThrownBy(() -> new WebhookScope("KEN", "huawei", null))
        .hasMessageContaining("at most one");
    assertThat(webhooks.list()).isEmpty();

    Webhooks.Added added =
        webhooks.add("https://hooks.example.org/in", WebhookScope.company("huawei"), "user:admin");
    assertThat(added.secret()).matches("[0-9a-f]{64}");
    assertThat(webhooks.list()).containsExactly(added.webhook());
    webhooks.remove(added.webhook().id(), "user:admin");
    assertThat(webhooks.list()).isEmpty();
    assertThatThrownBy(() -> webhooks.remove(added.webhook().id(), "user:admin"))
        .isInstanceOf(UnknownWebhookException.class);
    List<AuditEntry> log = new AuditLog(db).latest(2);
    assertThat(log).extracting(AuditEntry::action).containsExactly("webhook_remove", "webhook_add");
    assertThat(log).allSatisfy(e -> assertThat(e.detail()).doesNotContain(added.secret()));
    assertThat(log.get(1).detail()).contains("company huawei", "https://hooks.example.org/in");
  }

  @Test
  void deliveriesAreSignedRetriedWithBackoffAndSentExactlyOnce() throws Exception {
    Database db = seeded();
    announcer(db).announce(engine(db));
    List<Long> arrivals = Collections.synchronizedList(new ArrayList<>());
    Map<String, Integer> byDelivery = new ConcurrentHashMap<>();
    List<String[]> accepted = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger calls = new AtomicInteger();
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          arrivals.add(System.nanoTime());
          int n = calls.incrementAndGet();
          String delivery = exchange.getRequestHeaders().getFirst("X-Custodiet-Delivery");
          int status = n <= 2 ? 503 : 204;
          if (status == 204) {
            byDelivery.merge(delivery, 1, Integer::sum);
            accepted.add(
                new String[] {
                  exchange.getRequestHeaders().getFirst("X-Custodiet-Timestamp"),
                  exchange.getRequestHeaders().getFirst("X-Custodiet-Signature"),
                  exchange.getRequestHeaders().getFirst("X-Custodiet-Event"),
                  new String(body, StandardCharsets.UTF_8)
                });
          }
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    receiver.start();
    opened.add(() -> receiver.stop(0));
    String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    Webhooks.Added hook =
        new Webhooks(db, WebhookTargets.ALLOW_PRIVATE).add(url, WebhookScope.ALL, "cli:tester");
    importEstablished(db, "test/KEN/supplies/hikvision/pol", "KEN", "smart_policing");
    assertThat(announcer(db).announce(engine(db)).deliveries()).isEqualTo(1);

    WebhookDispatcher.Settings fast =
        new WebhookDispatcher.Settings(
            Duration.ofMillis(300),
            Duration.ofSeconds(5),
            8,
            Duration.ofMillis(50),
            Duration.ofSeconds(30),
            Duration.ofSeconds(5));
    // Two dispatchers on one database, as two server processes would run them.
    WebhookDispatcher a = new WebhookDispatcher(db, fast, WebhookTargets.ALLOW_PRIVATE).start();
    WebhookDispatcher b = new WebhookDispatcher(db, fast, WebhookTargets.ALLOW_PRIVATE).start();
    opened.add(a);
    opened.add(b);
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (accepted.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    Thread.sleep(1000); // time for any duplicate send to show up
    a.close();
    b.close();

    assertThat(calls.get()).isEqualTo(3);
    assertThat(byDelivery).hasSize(1).containsValue(1);
    long firstGap = arrivals.get(1) - arrivals.get(0);
    long secondGap = arrivals.get(2) - arrivals.get(1);
    assertThat(Duration.ofNanos(firstGap)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    assertThat(Duration.ofNanos(secondGap)).isGreaterThanOrEqualTo(Duration.ofMillis(600));

    String[] got = accepted.get(0);
    assertThat(got[1]).isEqualTo("sha256=" + WebhookDispatcher.sign(hook.secret(), got[0], got[3]));
    assertThat(got[1]).isNotEqualTo("sha256=" + WebhookDispatcher.sign("wrong", got[0], got[3]));
    assertThat(got[2]).isEqualTo("claim.established");
    assertThat(JSON.readTree(got[3]).get("claim").get("id").asText())
        .isEqualTo("test/KEN/supplies/hikvision/pol");
    Delivery d = new Webhooks(db).deliveries(1).get(0);
    assertThat(d.status()).isEqualTo("delivered");
    assertThat(d.attempts()).isEqualTo(3);
    assertThat(d.lastHttpStatus()).isEqualTo(204);
  }

  @Test
  void aDeliveryThatNeverSucceedsFailsAfterTheLastAttempt() throws Exception {
    Database db = seeded();
    announcer(db).announce(engine(db));
    AtomicInteger calls = new AtomicInteger();
    HttpServer receiver = receiver(500, calls);
    new Webhooks(db, WebhookTargets.ALLOW_PRIVATE)
        .add("http://127.0.0.1:" + receiver.getAddress().getPort() + "/", WebhookScope.ALL, "t");
    importEstablished(db, "test/KEN/supplies/hikvision/sms", "KEN", "social_media_surveillance");
    announcer(db).announce(engine(db));
    WebhookDispatcher dispatcher =
        new WebhookDispatcher(db, quick(3), WebhookTargets.ALLOW_PRIVATE);
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!new Webhooks(db).deliveries(1).get(0).status().equals("failed")
        && System.nanoTime() < deadline) {
      dispatcher.runOnce();
      Thread.sleep(20);
    }
    Delivery d = new Webhooks(db).deliveries(1).get(0);
    assertThat(d.status()).isEqualTo("failed");
    assertThat(d.attempts()).isEqualTo(3);
    assertThat(d.lastError()).isEqualTo("HTTP 500");
    assertThat(calls.get()).isEqualTo(3);
    assertThat(dispatcher.runOnce()).isZero();
  }

  @Test
  void localAndUnresolvableAddressesAreRefusedAtRegistrationByDefault() throws Exception {
    Database db = seeded();
    Webhooks webhooks = new Webhooks(db);
    assertThatThrownBy(() -> webhooks.add("http://127.0.0.1:9/x", WebhookScope.ALL, "t"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("webhook url: http://127.0.0.1:9/x resolves to 127.0.0.1")
        .hasMessageContaining("a loopback address")
        .hasMessageContaining("--webhooks-allow-private");
    assertThatThrownBy(
            () -> webhooks.add("http://169.254.169.254/latest/meta-data/", WebhookScope.ALL, "t"))
        .hasMessageContaining("link-local");
    assertThatThrownBy(() -> webhooks.add("https://[fd00::1]/x", WebhookScope.ALL, "t"))
        .hasMessageContaining("unique-local");
    assertThatThrownBy(
            () -> webhooks.add("https://receiver.custodiet.invalid/x", WebhookScope.ALL, "t"))
        .hasMessageContaining(
            "webhook url: the host 'receiver.custodiet.invalid' does not resolve");
    assertThat(webhooks.list()).isEmpty();
    assertThat(new AuditLog(db).latest(5))
        .extracting(AuditEntry::action)
        .doesNotContain("webhook_add");

    Webhooks.Added allowed =
        new Webhooks(db, WebhookTargets.ALLOW_PRIVATE)
            .add("http://127.0.0.1:9/x", WebhookScope.ALL, "t");
    assertThat(webhooks.list()).containsExactly(allowed.webhook());
  }

  @Test
  void aDeliveryToALocalAddressIsRefusedAtSendTimeWhenTheDispatcherForbidsIt() throws Exception {
    Database db = seeded();
    announcer(db).announce(engine(db));
    AtomicInteger calls = new AtomicInteger();
    HttpServer receiver = receiver(204, calls);
    // Registered while allowed, as by an operator who later turned the allowance off.
    new Webhooks(db, WebhookTargets.ALLOW_PRIVATE)
        .add("http://127.0.0.1:" + receiver.getAddress().getPort() + "/in", WebhookScope.ALL, "t");
    importEstablished(db, "test/KEN/supplies/hikvision/ssrf", "KEN", "smart_city");
    assertThat(announcer(db).announce(engine(db)).deliveries()).isEqualTo(1);
    assertThat(new WebhookDispatcher(db, quick(1)).runOnce()).isEqualTo(1);

    Delivery d = new Webhooks(db).deliveries(1).get(0);
    assertThat(d.status()).isEqualTo("failed");
    assertThat(d.attempts()).isEqualTo(1);
    assertThat(d.lastHttpStatus()).isNull();
    assertThat(d.deliveredMillis()).isNull();
    assertThat(d.lastError())
        .startsWith("refused: webhook url: http://127.0.0.1:")
        .contains("resolves to 127.0.0.1, a loopback address");
    assertThat(calls.get()).isZero();
  }

  /**
   * A receiver on the loopback interface that answers every request with {@code status} and counts
   * them in {@code calls}; it stops with the test.
   */
  private HttpServer receiver(int status, AtomicInteger calls) throws java.io.IOException {
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          calls.incrementAndGet();
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    receiver.start();
    opened.add(() -> receiver.stop(0));
    return receiver;
  }

  /** Dispatcher settings that retry almost at once, for {@code attempts} attempts. */
  private static WebhookDispatcher.Settings quick(int attempts) {
    return new WebhookDispatcher.Settings(
        Duration.ofMillis(20),
        Duration.ofMillis(40),
        attempts,
        Duration.ofMillis(20),
        Duration.ofSeconds(30),
        Duration.ofSeconds(5));
  }
}
