package org.custodiet.web.screening;

import java.util.concurrent.atomic.AtomicReference;
import org.custodiet.store.screening.BuiltInLists;
import org.custodiet.store.screening.Screening;
import org.custodiet.store.screening.ScreeningLists;
import org.custodiet.web.Site;

/**
 * The screening state the server answers from, kept in step with the site: when the knowledge base
 * changes, the built-in lists are refreshed and the matcher rebuilt; after a decision, only the
 * decisions are read again.
 */
final class ScreeningState {
  private record Loaded(long siteVersion, Screening screening) {}

  private final Site site;
  private final AtomicReference<Loaded> current = new AtomicReference<>();

  ScreeningState(Site site) {
    this.site = site;
  }

  /** The screening for the site's current snapshot. */
  Screening current() {
    long version = site.current().version();
    Loaded loaded = current.get();
    if (loaded != null && loaded.siteVersion() == version) {
      return loaded.screening();
    }
    return reload(version);
  }

  private synchronized Screening reload(long version) {
    Loaded loaded = current.get();
    if (loaded != null && loaded.siteVersion() == version) {
      return loaded.screening();
    }
    new BuiltInLists(new ScreeningLists(site.database())).refresh("job:screening-lists");
    Screening screening = Screening.load(site.database());
    current.set(new Loaded(version, screening));
    return screening;
  }

  /** Reads the decisions again after one was recorded. */
  synchronized void decisionsChanged() {
    Loaded loaded = current.get();
    if (loaded != null) {
      current.set(
          new Loaded(loaded.siteVersion(), loaded.screening().withDecisions(site.database())));
    }
  }
}
