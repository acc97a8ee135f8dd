package org.custodiet.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.custodiet.core.index.IndexEngine;
import org.custodiet.core.index.IndexQuery;
import org.custodiet.core.index.IndexResult;

/**
 * The index computed over one snapshot, kept for the queries asked most recently: pages ask for the
 * same few (today's living index, the release it is compared with) on every request. A snapshot
 * never changes, so entries never go stale; a new snapshot starts with a new cache.
 */
public final class IndexCache {
  /** Results kept at most; older ones are computed again when asked for. */
  public static final int MAX_ENTRIES = 64;

  private final IndexEngine engine;

  private final Map<IndexQuery, IndexResult> recent =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<IndexQuery, IndexResult> eldest) {
          return size() > MAX_ENTRIES;
        }
      };

  IndexCache(IndexEngine engine) {
    this.engine = Objects.requireNonNull(engine, "engine");
  }

  /** The index for {@code query}, computed on first request. */
  public IndexResult compute(IndexQuery query) {
    Objects.requireNonNull(query, "query");
    synchronized (recent) {
      IndexResult known = recent.get(query);
      if (known != null) {
        return known;
      }
    }
    // Computed outside the lock so that a slow query does not hold up pages asking for others.
    IndexResult fresh = engine.compute(query);
    synchronized (recent) {
      recent.putIfAbsent(query, fresh);
    }
    return fresh;
  }

  /** How many results are held now. */
  public int size() {
    synchronized (recent) {
      return recent.size();
    }
  }
}
