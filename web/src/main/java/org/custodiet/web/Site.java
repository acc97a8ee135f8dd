package org.custodiet.web;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.custodiet.core.index.ClaimSearch;
import org.custodiet.core.index.IndexEngine;
import org.custodiet.core.index.Profiles;
import org.custodiet.core.model.KnowledgeBase;
import org.custodiet.store.Database;
import org.custodiet.store.KnowledgeBaseRepository;
import org.custodiet.store.search.SearchIndex;

/**
 * What the site shows: an immutable snapshot of the knowledge base with its index engine, swapped
 * whole when the data changes so that every request reads one consistent version, and the full-text
 * search index kept in step with it.
 */
public final class Site implements AutoCloseable {
  private final Database database;
  private final SearchIndex search;
  private final String instance = randomInstanceId();
  private final AtomicReference<Snapshot> current = new AtomicReference<>();

  /**
   * One version of the data and everything computed over it. {@code tag} names the version uniquely
   * across restarts of the server, for HTTP caching. {@code indexes} holds the index results pages
   * asked for recently.
   */
  public record Snapshot(
      long version,
      String tag,
      KnowledgeBase knowledgeBase,
      IndexEngine engine,
      Profiles profiles,
      ClaimSearch claims,
      IndexCache indexes) {
    public Snapshot {
      Objects.requireNonNull(knowledgeBase, "knowledgeBase");
      Objects.requireNonNull(tag, "tag");
    }

    static Snapshot of(long version, String tag, KnowledgeBase kb) {
      IndexEngine engine = new IndexEngine(kb);
      return new Snapshot(
          version,
          tag,
          kb,
          engine,
          new Profiles(engine),
          new ClaimSearch(engine),
          new IndexCache(engine));
    }
  }

  /**
   * A site over {@code database} whose search index is {@code search} (on disk in the data
   * directory, or in memory); the site closes the index when it is closed.
   */
  public Site(Database database, SearchIndex search) {
    this.database = Objects.requireNonNull(database, "database");
    this.search = Objects.requireNonNull(search, "search");
    try {
      reload();
    } catch (RuntimeException e) {
      search.close();
      throw e;
    }
  }

  public Database database() {
    return database;
  }

  public Snapshot current() {
    return current.get();
  }

  /** Full-text search over the current snapshot's countries, companies, sources and evidence. */
  public SearchIndex search() {
    return search;
  }

  /**
   * Reads the database again, brings the search index in step and publishes a new snapshot; call
   * after every write.
   */
  public synchronized Snapshot reload() {
    KnowledgeBaseRepository repository = new KnowledgeBaseRepository(database);
    KnowledgeBase kb = repository.load();
    search.synchronize(kb, namesByCountry(repository.countryNames()));
    Snapshot previous = current.get();
    long version = previous == null ? 1 : previous.version() + 1;
    Snapshot next = Snapshot.of(version, instance + "-" + version, kb);
    current.set(next);
    return next;
  }

  private static Map<String, List<String>> namesByCountry(Map<String, String> isoByName) {
    Map<String, List<String>> names = new TreeMap<>();
    isoByName.forEach(
        (name, iso3) -> names.computeIfAbsent(iso3, k -> new ArrayList<>()).add(name));
    return names;
  }

  /** Distinguishes this process's snapshot versions from those of earlier runs. */
  private static String randomInstanceId() {
    byte[] bytes = new byte[6];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  @Override
  public void close() {
    search.close();
  }
}
