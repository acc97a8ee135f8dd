package org.custodiet.web.feed;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.custodiet.core.model.KnowledgeBase;
import org.custodiet.store.feed.Announcement;
import org.custodiet.store.feed.Announcements;
import org.custodiet.store.feed.ClaimAnnouncer;
import org.custodiet.web.Site;
import org.custodiet.web.http.HttpProblem;

/**
 * Atom feeds of newly established claims: {@code /feeds/claims.atom} and one per country, company
 * and technology, newest first, {@value #ENTRIES} entries. Each entry's id is a tag: URI made of
 * the claim id, so a reader sees an entry once however often it polls.
 */
public final class FeedRoutes {
  public static final int ENTRIES = 50;
  public static final String CONTENT_TYPE = "application/atom+xml; charset=utf-8";
  static final String TAG = "tag:custodiet.invalid,2026:";
  private static final String SUFFIX = ".atom";

  private final Site site;
  private final FeedAnnouncer announcer;
  private final Announcements announcements;

  private FeedRoutes(Site site) {
    this.site = site;
    this.announcer = new FeedAnnouncer(site, FeedAnnouncer.publicBaseUrl());
    this.announcements = new Announcements(site.database());
  }

  public static void register(JavalinConfig config, Site site) {
    FeedRoutes routes = new FeedRoutes(site);
    // What is established when the server starts is the baseline (or is announced, if a baseline
    // exists), so claims accepted from now on are news even if no one has read a feed yet.
    routes.announcer.catchUp();
    config.routes.get("/feeds/claims.atom", routes::all);
    config.routes.get("/feeds/countries/{file}", routes::country);
    config.routes.get("/feeds/companies/{file}", routes::company);
    config.routes.get("/feeds/technologies/{file}", routes::technology);
  }

  /** The feed path of a country, company or technology, for pages that link to it. */
  public static String countryFeed(String iso3) {
    return "/feeds/countries/" + segment(iso3) + SUFFIX;
  }

  public static String companyFeed(String id) {
    return "/feeds/companies/" + segment(id) + SUFFIX;
  }

  public static String technologyFeed(String code) {
    return "/feeds/technologies/" + segment(code) + SUFFIX;
  }

  private void all(Context ctx) {
    serve(ctx, "custodiet: newly established claims", "claims", Announcements.Filter.ALL);
  }

  private void country(Context ctx) {
    String iso3 = key(ctx).toUpperCase(Locale.ROOT);
    KnowledgeBase kb = site.current().knowledgeBase();
    if (!kb.countries().containsKey(iso3)) {
      throw HttpProblem.notFound("unknown country '" + iso3 + "'");
    }
    serve(
        ctx,
        "custodiet: newly established claims about " + kb.countries().get(iso3).name(),
        "country:" + iso3,
        new Announcements.Filter(iso3, null, null));
  }

  private void company(Context ctx) {
    String id = key(ctx);
    KnowledgeBase kb = site.current().knowledgeBase();
    if (!kb.companies().containsKey(id)) {
      throw HttpProblem.notFound("unknown company '" + id + "'");
    }
    serve(
        ctx,
        "custodiet: newly established claims about " + kb.companies().get(id).name(),
        "company:" + id,
        new Announcements.Filter(null, id, null));
  }

  private void technology(Context ctx) {
    String code = key(ctx);
    KnowledgeBase kb = site.current().knowledgeBase();
    if (!kb.technologies().containsKey(code)) {
      throw HttpProblem.notFound("unknown technology '" + code + "'");
    }
    serve(
        ctx,
        "custodiet: newly established claims about " + kb.technologies().get(code).label(),
        "technology:" + code,
        new Announcements.Filter(null, null, code));
  }

  /** The path segment without its ".atom"; anything else is not a feed. */
  private static String key(Context ctx) {
    String file = ctx.pathParam("file");
    if (!file.endsWith(SUFFIX) || file.length() == SUFFIX.length() || file.length() > 200) {
      throw HttpProblem.notFound("feeds are named like /feeds/countries/KEN.atom");
    }
    return file.substring(0, file.length() - SUFFIX.length());
  }

  private void serve(Context ctx, String title, String feedKey, Announcements.Filter filter) {
    announcer.catchUp();
    List<Announcement> latest = announcements.latest(filter, ENTRIES);
    String base = base(ctx);
    SyndFeed feed = new SyndFeedImpl();
    feed.setFeedType("atom_1.0");
    feed.setTitle(title);
    feed.setUri(TAG + "feed:" + feedKey);
    feed.setAuthor("custodiet");
    feed.setLinks(
        List.of(
            link("self", base + ctx.path(), "application/atom+xml"),
            link("alternate", base + "/", "text/html")));
    feed.setPublishedDate(
        Date.from(latest.isEmpty() ? Instant.EPOCH : Instant.parse(latest.get(0).announcedAt())));
    List<SyndEntry> entries = new ArrayList<>();
    for (Announcement a : latest) {
      SyndEntry entry = new SyndEntryImpl();
      entry.setUri(TAG + "claim:" + a.claimId());
      entry.setTitle(xmlSafe(a.title()));
      entry.setLink(base + ClaimAnnouncer.claimPath(a.claimId()));
      Date when = Date.from(Instant.parse(a.announcedAt()));
      entry.setUpdatedDate(when);
      entry.setPublishedDate(when);
      SyndContent summary = new SyndContentImpl();
      summary.setType("text");
      summary.setValue(xmlSafe(a.summary()));
      entry.setDescription(summary);
      entries.add(entry);
    }
    feed.setEntries(entries);
    String xml;
    try {
      xml = new SyndFeedOutput().outputString(feed);
    } catch (FeedException e) {
      throw new IllegalStateException("cannot write the Atom feed: " + e.getMessage(), e);
    }
    String etag = "\"" + sha256(xml) + "\"";
    ctx.header("ETag", etag);
    ctx.header("Cache-Control", "no-cache");
    String ifNoneMatch = ctx.header("If-None-Match");
    if (ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.strip().equals("*"))) {
      ctx.status(304);
      return;
    }
    ctx.contentType(CONTENT_TYPE).result(xml);
  }

  private static SyndLink link(String rel, String href, String type) {
    SyndLink link = new SyndLinkImpl();
    link.setRel(rel);
    link.setHref(href);
    link.setType(type);
    return link;
  }

  /** The scheme, host and port the request came in on. */
  private static String base(Context ctx) {
    String url = ctx.url();
    String path = ctx.path();
    int at = url.lastIndexOf(path);
    return at > 0 ? url.substring(0, at) : url;
  }

  /** XML 1.0 cannot carry most control characters; drop them rather than fail the whole feed. */
  static String xmlSafe(String text) {
    StringBuilder b = new StringBuilder(text.length());
    text.codePoints()
        .filter(
            c ->
                c == 0x9
                    || c == 0xA
                    || c == 0xD
                    || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD)
                    || c >= 0x10000)
        .forEach(b::appendCodePoint);
    return b.toString();
  }

  private static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
