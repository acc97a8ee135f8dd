package org.custodiet.store.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.custodiet.core.index.IndexEngine;
import org.custodiet.core.index.IndexQuery;
import org.custodiet.core.model.Claim;
import org.custodiet.core.model.Codes;
import org.custodiet.core.model.KnowledgeBase;
import org.custodiet.core.model.Source;
import org.custodiet.core.rules.ClaimStatus;
import org.custodiet.store.Database;
import org.custodiet.store.webhook.Webhook;
import org.custodiet.store.webhook.Webhooks;
import org.jdbi.v3.core.Handle;

/**
 * Announces claims that have become established: each claim the coding rules call established as of
 * today, and not announced before, gets one {@code announced_claim} row and, in the same
 * transaction, one webhook delivery per matching subscription. The insert ignores a row another
 * process wrote first, and only the process whose insert took queues the deliveries, so several
 * servers sharing a database announce each claim once. The first run on a database announces
 * nothing: what is established then is recorded as the baseline.
 */
public final class ClaimAnnouncer {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Database db;
  private final Clock clock;
  private final String publicBaseUrl;

  /**
   * {@code publicBaseUrl} (e.g. {@code https://index.example.org}) prefixes the links in webhook
   * payloads.
   */
  public ClaimAnnouncer(Database db, Clock clock, String publicBaseUrl) {
    this.db = Objects.requireNonNull(db, "db");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.publicBaseUrl = stripSlash(Objects.requireNonNull(publicBaseUrl, "publicBaseUrl"));
  }

  /** What one run did: claims announced as news, claims recorded as baseline, deliveries queued. */
  public record Result(int announced, int baseline, int deliveries) {}

  /** Announces what {@code engine}'s knowledge base establishes today that is not yet announced. */
  public Result announce(IndexEngine engine) {
    KnowledgeBase kb = engine.knowledgeBase();
    Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    IndexQuery today = IndexQuery.living(LocalDate.ofInstant(now, ZoneOffset.UTC));
    Set<String> announced =
        new HashSet<>(
            db.jdbi()
                .withHandle(
                    h ->
                        h.createQuery("SELECT claim_id FROM announced_claim")
                            .mapTo(String.class)
                            .list()));
    List<Claim> fresh = new ArrayList<>();
    for (Claim claim : kb.claims().values()) {
      if (!announced.contains(claim.id())
          && engine.status(claim.id(), today) == ClaimStatus.ESTABLISHED) {
        fresh.add(claim);
      }
    }
    if (fresh.isEmpty()) {
      return new Result(0, 0, 0);
    }
    boolean baseline = announced.isEmpty();
    ClaimWords words = new ClaimWords(kb);
    String at = DateTimeFormatter.ISO_INSTANT.format(now);
    return db.jdbi()
        .inTransaction(
            h -> {
              long auditSeq =
                  h.createQuery("SELECT seq FROM audit_head WHERE id = 1")
                      .mapTo(Long.class)
                      .findOne()
                      .orElse(0L);
              List<Webhook> webhooks = baseline ? List.of() : Webhooks.active(h);
              int inserted = 0;
              int deliveries = 0;
              for (Claim claim : fresh) {
                if (!insert(h, claim, words, at, now.toEpochMilli(), auditSeq, baseline)) {
                  continue;
                }
                inserted++;
                String payload = null;
                for (Webhook w : webhooks) {
                  if (matches(w, claim)) {
                    payload = payload == null ? payload(claim, words, at) : payload;
                    Webhooks.enqueue(
                        h,
                        w.id(),
                        Webhooks.CLAIM_ESTABLISHED,
                        claim.id(),
                        payload,
                        now.toEpochMilli());
                    deliveries++;
                  }
                }
              }
              return baseline ? new Result(0, inserted, 0) : new Result(inserted, 0, deliveries);
            });
  }

  private static boolean insert(
      Handle h,
      Claim claim,
      ClaimWords words,
      String at,
      long millis,
      long auditSeq,
      boolean baseline) {
    return h.createUpdate(
                "INSERT INTO announced_claim (claim_id, announced_at, announced_millis, audit_seq,"
                    + " baseline, country_iso3, company_id, lender_id, technology, title, summary)"
                    + " VALUES (:id, :at, :millis, :seq, :baseline, :country, :company, :lender,"
                    + " :technology, :title, :summary) ON CONFLICT DO NOTHING")
            .bind("id", claim.id())
            .bind("at", at)
            .bind("millis", millis)
            .bind("seq", auditSeq)
            .bind("baseline", baseline)
            .bind("country", claim.countryIso3())
            .bind("company", companyId(claim))
            .bind("lender", claim.lenderId())
            .bind("technology", claim.technology())
            .bind("title", clip(words.title(claim), 2000))
            .bind("summary", clip(words.summary(claim), 20000))
            .execute()
        == 1;
  }

  static String companyId(Claim claim) {
    return claim.supplier() == null ? null : claim.supplier().companyId();
  }

  static boolean matches(Webhook w, Claim claim) {
    if (w.countryIso3() != null) {
      return w.countryIso3().equals(claim.countryIso3());
    }
    if (w.companyId() != null) {
      return w.companyId().equals(companyId(claim)) || w.companyId().equals(claim.lenderId());
    }
    if (w.technology() != null) {
      return w.technology().equals(claim.technology());
    }
    return true;
  }

  private String payload(Claim claim, ClaimWords words, String at) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("id", claim.id());
    c.put("title", words.title(claim));
    c.put("kind", Codes.of(claim.kind()));
    c.put("status", ClaimStatus.ESTABLISHED.code());
    c.put("announced_at", at);
    c.put("country_iso3", claim.countryIso3());
    c.put("country", words.countryName(claim.countryIso3()));
    c.put("technology", claim.technology());
    c.put("supplier_company_id", companyId(claim));
    c.put("supplier", claim.supplier() == null ? null : words.supplier(claim));
    c.put("lender_id", claim.lenderId());
    c.put("city", claim.city());
    c.put("agency", claim.agency());
    List<Map<String, Object>> sources = new ArrayList<>();
    for (Source s : words.sources(claim)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", s.id());
      m.put("title", s.title());
      m.put("publisher", s.publisher());
      m.put("published", s.published() == null ? null : s.published().toString());
      m.put("tier", s.tier().name());
      m.put("url", ClaimWords.address(s));
      sources.add(m);
    }
    c.put("sources", sources);
    Map<String, Object> links = new LinkedHashMap<>();
    links.put("claim", publicBaseUrl + claimPath(claim.id()));
    links.put("country", publicBaseUrl + "/countries/" + claim.countryIso3());
    links.put("feed", publicBaseUrl + "/feeds/claims.atom");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("event", Webhooks.CLAIM_ESTABLISHED);
    body.put("claim", c);
    body.put("links", links);
    try {
      return JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("webhook payload is not serialisable", e);
    }
  }

  /** Where a claim is shown: its own page, the id percent-encoded with its slashes kept. */
  public static String claimPath(String claimId) {
    return "/claims/"
        + java.net.URLEncoder.encode(claimId, java.nio.charset.StandardCharsets.UTF_8)
            .replace("%2F", "/")
            .replace("+", "%20");
  }

  private static String clip(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
