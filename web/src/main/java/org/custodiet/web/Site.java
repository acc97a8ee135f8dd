package org.custodiet.web;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.custodiet.core.index.ClaimSearch;
import org.custodiet.core.index.IndexEngine;
import org.custodiet.core.index.Profiles;
import org.custodiet.core.model.KnowledgeBase;
import org.custodiet.store.Database;
import org.custodiet.store.KnowledgeBaseRepository;

/**
 * What the site shows: an immutable snapshot of the knowledge base with its index engine, swapped
 * whole when the data changes so that every request reads one consistent version.
 */
public final class Site {
  private final Database database;
  private final AtomicReference<Snapshot> current = new AtomicReference<>();

  /** One version of the data and everything computed over it. */
  public record Snapshot(
      long version,
      KnowledgeBase knowledgeBase,
      IndexEngine engine,
      Profiles profiles,
      ClaimSearch claims) {
    public Snapshot {
      Objects.requireNonNull(knowledgeBase, "knowledgeBase");
    }

    static Snapshot of(long version, KnowledgeBase kb) {
      IndexEngine engine = new IndexEngine(kb);
      return new Snapshot(version, kb, engine, new Profiles(engine), new ClaimSearch(engine));
    }
  }

  public Site(Database database) {
    this.database = Objects.requireNonNull(database, "database");
    reload();
  }

  public Database database() {
    return database;
  }

  public Snapshot current() {
    return current.get();
  }

  /** Reads the database again and publishes a new snapshot; call after every write. */
  public Snapshot reload() {
    KnowledgeBase kb = new KnowledgeBaseRepository(database).load();
    Snapshot previous = current.get();
    Snapshot next = Snapshot.of(previous == null ? 1 : previous.version() + 1, kb);
    current.set(next);
    return next;
  }
}
