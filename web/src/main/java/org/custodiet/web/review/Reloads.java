package org.custodiet.web.review;

import java.util.Objects;
import org.custodiet.web.Site;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the site's snapshot in step after committed decisions, coalescing: a caller waits for one
 * reload that began after its decision committed, and many decisions arriving during a reload share
 * the next one instead of queueing one reload each.
 */
final class Reloads {
  private static final Logger LOG = LoggerFactory.getLogger(Reloads.class);

  private final Site site;
  private long requested;
  private long completed;
  private boolean running;

  Reloads(Site site) {
    this.site = Objects.requireNonNull(site, "site");
  }

  /**
   * Returns once the snapshot reflects every decision committed before the call. A failed reload is
   * logged and does not fail the caller: its decision is committed, and the next reload shows it.
   */
  void afterCommit() {
    long ticket;
    synchronized (this) {
      ticket = ++requested;
    }
    while (true) {
      long target;
      synchronized (this) {
        if (completed >= ticket) {
          return;
        }
        if (running) {
          try {
            wait();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
          continue;
        }
        running = true;
        target = requested;
      }
      boolean done = false;
      try {
        site.reload();
        done = true;
      } catch (RuntimeException e) {
        LOG.error("reloading the site after a decision failed; the next decision retries", e);
      } finally {
        synchronized (this) {
          running = false;
          if (done) {
            completed = Math.max(completed, target);
          } else {
            completed = Math.max(completed, ticket);
          }
          notifyAll();
        }
      }
    }
  }
}
