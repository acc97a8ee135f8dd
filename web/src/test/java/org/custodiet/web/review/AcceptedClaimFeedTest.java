package org.custodiet.web.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.sun.net.httpserver.HttpServer;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.custodiet.store.webhook.WebhookDispatcher;
import org.custodiet.store.webhook.WebhookScope;
import org.custodiet.store.webhook.WebhookTargets;
import org.custodiet.store.webhook.Webhooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path from a curator's decision to the reader: a candidate accepted through the review
 * API becomes an established claim, shows in the Atom feeds, and is POSTed, signed, to a webhook on
 * a real receiver.
 */
class AcceptedClaimFeedTest {
  @TempDir Path dir;

  @Test
  void anAcceptedCandidateShowsInTheFeedsAndReachesTheWebhook() throws Exception {
    try (ReviewServer server = new ReviewServer(dir, "carol")) {
      List<String> received = new CopyOnWriteArrayList<>();
      List<String> signatures = new CopyOnWriteArrayList<>();
      HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      receiver.createContext(
          "/in",
          exchange -> {
            String body =
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(body);
            signatures.add(
                exchange.getRequestHeaders().getFirst("X-Custodiet-Timestamp")
                    + " "
                    + exchange.getRequestHeaders().getFirst("X-Custodiet-Signature"));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
          });
      receiver.start();
      var db = server.site.site().database();
      Webhooks.Added hook =
          new Webhooks(db, WebhookTargets.ALLOW_PRIVATE)
              .add(
                  "http://127.0.0.1:" + receiver.getAddress().getPort() + "/in",
                  WebhookScope.country("KEN"),
                  "cli:test");
      WebhookDispatcher dispatcher =
          new WebhookDispatcher(
                  db,
                  new WebhookDispatcher.Settings(
                      Duration.ofMillis(100),
                      Duration.ofSeconds(1),
                      8,
                      Duration.ofMillis(50),
                      Duration.ofSeconds(30),
                      Duration.ofSeconds(5)),
                  WebhookTargets.ALLOW_PRIVATE)
              .start();
      try {
        long id = server.candidate("https://harbour.test/gate", "Mombasa, Monday. ");
        HttpResponse<String> accepted =
            server.post(
                "/api/v1/candidates/" + id + "/accept",
                "{\"tier\": \"A\", \"source_kind\": \"official\", \"reason\": \"port notice\"}",
                server.token);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        String claim = "dep/uniview/KEN/facial_recognition/mombasa";

        SyndFeed feed = feed(server, "/feeds/claims.atom");
        assertThat(feed.getEntries())
            .extracting(SyndEntry::getTitle)
            .contains("Uniview supplies facial recognition in Kenya (Mombasa) (established)");
        SyndEntry entry =
            feed.getEntries().stream()
                .filter(e -> e.getUri().endsWith("claim:" + claim))
                .findFirst()
                .orElseThrow();
        assertThat(entry.getLink()).endsWith("/claims/" + claim);
        assertThat(feed(server, "/feeds/countries/KEN.atom").getEntries()).hasSize(1);
        assertThat(feed(server, "/feeds/companies/uniview.atom").getEntries()).hasSize(1);

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (received.isEmpty() && System.nanoTime() < deadline) {
          Thread.sleep(50);
        }
        assertThat(received).hasSize(1);
        assertThat(new ObjectMapper().readTree(received.get(0)).get("claim").get("id").asText())
            .isEqualTo(claim);
        String[] signed = signatures.get(0).split(" ");
        assertThat(signed[1])
            .isEqualTo(
                "sha256=" + WebhookDispatcher.sign(hook.secret(), signed[0], received.get(0)));
      } finally {
        dispatcher.close();
        receiver.stop(0);
      }
    }
  }

  private static SyndFeed feed(ReviewServer server, String path) throws Exception {
    HttpResponse<String> r = server.get(path, null);
    assertThat(r.statusCode()).isEqualTo(200);
    return new SyndFeedInput().build(new StringReader(r.body()));
  }
}
