package org.custodiet.web.feed;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.custodiet.store.audit.AuditLog;
import org.custodiet.store.feed.ClaimAnnouncer;
import org.custodiet.web.Site;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps announcements in step with the site: whenever the snapshot has changed since the last run,
 * announces the claims it newly establishes. Feeds call {@link #catchUp} before answering, so a
 * claim shows the moment its snapshot is published; {@link #start} also checks every few seconds,
 * so webhooks fire when no one reads a feed and when another process changed the data.
 */
public final class FeedAnnouncer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FeedAnnouncer.class);

  /** The address in webhook links, from CUSTODIET_PUBLIC_URL; the default suits a local serve. */
  public static String publicBaseUrl() {
    String configured = System.getenv("CUSTODIET_PUBLIC_URL");
    return configured == null || configured.isBlank() ? "http://localhost:8080" : configured;
  }

  private final Site site;
  private final ClaimAnnouncer announcer;
  private final AuditLog auditLog;
  private long announcedVersion = -1;
  private long seenAuditSeq = -1;
  private long seenVersion = -1;
  private ScheduledExecutorService scheduler;

  public FeedAnnouncer(Site site, String publicBaseUrl) {
    this.site = Objects.requireNonNull(site, "site");
    this.announcer = new ClaimAnnouncer(site.database(), Clock.systemUTC(), publicBaseUrl);
    this.auditLog = new AuditLog(site.database());
  }

  /** Announces what the current snapshot newly establishes, once per snapshot version. */
  public synchronized ClaimAnnouncer.Result catchUp() {
    Site.Snapshot snapshot = site.current();
    if (snapshot.version() == announcedVersion) {
      return new ClaimAnnouncer.Result(0, 0, 0);
    }
    ClaimAnnouncer.Result result = announcer.announce(snapshot.engine());
    announcedVersion = snapshot.version();
    if (result.announced() > 0 || result.baseline() > 0) {
      LOG.info(
          "announced {} newly established claims ({} webhook deliveries); baseline {}",
          result.announced(),
          result.deliveries(),
          result.baseline());
    }
    return result;
  }

  /**
   * Checks every {@code period}: reloads the site when the database has moved on (another process
   * wrote to it) and announces what the snapshot newly establishes.
   */
  public synchronized FeedAnnouncer start(Duration period) {
    if (scheduler != null) {
      throw new IllegalStateException("the announcer is already running");
    }
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "claim-announcer");
              t.setDaemon(true);
              return t;
            });
    scheduler.scheduleWithFixedDelay(this::tick, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    return this;
  }

  private void tick() {
    try {
      // A decision logged while the snapshot stayed the same came from another process (a CLI
      // import, a second server): read the data again so that it shows and is announced.
      long seq = auditLog.head().seq();
      long version = site.current().version();
      if (seenAuditSeq >= 0 && seq != seenAuditSeq && version == seenVersion) {
        site.reload();
      }
      seenAuditSeq = seq;
      seenVersion = site.current().version();
      catchUp();
    } catch (RuntimeException e) {
      LOG.warn("announcing newly established claims failed: {}", e.getMessage());
    }
  }

  @Override
  public synchronized void close() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      scheduler = null;
    }
  }
}
