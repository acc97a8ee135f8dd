package org.custodiet.web.review;

import java.util.function.Supplier;
import org.custodiet.store.curation.CurationException;
import org.custodiet.store.curation.Decision;
import org.custodiet.web.Site;
import org.custodiet.web.http.HttpProblem;

/**
 * Runs a decision for a web request: the store commits it (one transaction with its log entry),
 * then the site's snapshot is brought in step, and only then is the request answered. Refusals
 * become HTTP problems: 404 unknown, 409 decided by someone else, 400 naming the field.
 */
final class Decisions {
  private final Reloads reloads;

  Decisions(Site site) {
    this.reloads = new Reloads(site);
  }

  Decision run(Supplier<Decision> decision) {
    Decision d;
    try {
      d = decision.get();
    } catch (CurationException e) {
      throw problem(e);
    }
    reloads.afterCommit();
    return d;
  }

  /** Brings the snapshot in step after decisions committed one by one (a bulk action). */
  void reload() {
    reloads.afterCommit();
  }

  static HttpProblem problem(CurationException e) {
    return switch (e.kind()) {
      case NOT_FOUND -> HttpProblem.notFound(e.getMessage());
      case CONFLICT -> new HttpProblem(409, null, e.getMessage());
      case INVALID -> new HttpProblem(400, e.field(), e.getMessage());
    };
  }
}
