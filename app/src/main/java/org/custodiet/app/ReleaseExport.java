package org.custodiet.app;

import org.custodiet.core.index.IndexEngine;
import org.custodiet.core.index.IndexQuery;
import org.custodiet.store.Database;
import org.custodiet.store.release.Release;
import org.custodiet.store.release.Releases;
import org.custodiet.store.release.UnknownReleaseException;

/** A release's frozen knowledge base and the query its export is computed for (its own date). */
record ReleaseExport(IndexEngine engine, IndexQuery query) {
  static ReleaseExport open(Database db, String name, IndexQuery asked) {
    Releases releases = new Releases(db);
    try {
      Release release = releases.get(name);
      return new ReleaseExport(
          new IndexEngine(releases.knowledgeBase(name)),
          new IndexQuery(release.asOf(), asked.sourceId()));
    } catch (UnknownReleaseException e) {
      throw new NotFoundException("--release: " + e.getMessage());
    }
  }
}
