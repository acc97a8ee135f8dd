package org.custodiet.app;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.custodiet.core.index.IndexEngine;
import org.custodiet.core.model.Company;
import org.custodiet.core.model.Country;
import org.custodiet.core.model.KnowledgeBase;
import org.custodiet.core.model.Slug;
import org.custodiet.store.Database;
import org.custodiet.store.KnowledgeBaseRepository;
import org.custodiet.store.SeedLoader;
import org.custodiet.store.SeedResult;

/**
 * An open knowledge base for one command: the database (seeded on first use), its snapshot and the
 * index engine over it.
 */
final class Workspace implements AutoCloseable {
  private final Database db;
  private KnowledgeBase kb;
  private IndexEngine engine;

  private Workspace(Database db) {
    this.db = db;
  }

  /** Opens the database the options name and loads the bundled seed into it when it is empty. */
  static Workspace open(StoreOptions options, java.io.PrintWriter notices) {
    Database db = openDatabase(options);
    Workspace workspace = new Workspace(db);
    try {
      SeedResult seed = new SeedLoader(db).loadBundled();
      switch (seed.status()) {
        case LOADED ->
            notices.println(
                "custodiet: loaded the bundled data into " + db.url() + " (first start)");
        case UPGRADED ->
            notices.println(
                "custodiet: replaced the older bundled data in "
                    + db.url()
                    + ": "
                    + seed.message());
        case DIFFERENT_SEED_PRESENT, DATABASE_NOT_EMPTY ->
            notices.println("custodiet: warning: " + seed.message());
        case ALREADY_LOADED, NO_SEED -> {}
      }
      notices.flush();
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
    return workspace;
  }

  /**
   * Opens and migrates the database the options name without loading the seed: for commands that
   * inspect it as it is, or restore a backup into it.
   */
  static Database openDatabase(StoreOptions options) {
    return options.dbUrl != null
        ? Database.open(
            options.dbUrl,
            System.getenv("CUSTODIET_DB_USER"),
            System.getenv("CUSTODIET_DB_PASSWORD"),
            options.pool())
        : Database.openDirectory(options.dataDirOrDefault());
  }

  Database database() {
    return db;
  }

  KnowledgeBase knowledgeBase() {
    if (kb == null) {
      kb = new KnowledgeBaseRepository(db).load();
    }
    return kb;
  }

  IndexEngine engine() {
    if (engine == null) {
      engine = new IndexEngine(knowledgeBase());
    }
    return engine;
  }

  /** An ISO3 code from a code or a name ("KEN", "ke", "Kenya", "Burma/Myanmar"). */
  String resolveCountry(String query) {
    String q = query.strip();
    Map<String, Country> countries = knowledgeBase().countries();
    String upper = q.toUpperCase(Locale.ROOT);
    if (countries.containsKey(upper)) {
      return upper;
    }
    for (Country c : countries.values()) {
      if (upper.equals(c.iso2()) || c.name().equalsIgnoreCase(q)) {
        return c.iso3();
      }
    }
    String byName = new KnowledgeBaseRepository(db).countryNames().get(q.toLowerCase(Locale.ROOT));
    if (byName != null) {
      return byName;
    }
    List<Country> partial =
        countries.values().stream()
            .filter(c -> c.name().toLowerCase(Locale.ROOT).contains(q.toLowerCase(Locale.ROOT)))
            .toList();
    if (partial.size() == 1) {
      return partial.get(0).iso3();
    }
    throw new NotFoundException(
        "no country '"
            + query
            + "'"
            + suggestions(partial.stream().map(c -> c.iso3() + " (" + c.name() + ")").toList()));
  }

  /** A company id from an id, a name or an alias, case- and punctuation-insensitively. */
  String resolveCompany(String query) {
    Map<String, Company> companies = knowledgeBase().companies();
    String key;
    try {
      key = Slug.of(query);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("no company '" + query + "'");
    }
    if (companies.containsKey(key)) {
      return key;
    }
    for (Company c : companies.values()) {
      if (slugOrEmpty(c.name()).equals(key)
          || c.aliases().stream().anyMatch(a -> slugOrEmpty(a).equals(key))) {
        return c.id();
      }
    }
    List<Company> partial = companies.values().stream().filter(c -> c.id().contains(key)).toList();
    if (partial.size() == 1) {
      return partial.get(0).id();
    }
    throw new NotFoundException(
        "no company '"
            + query
            + "'"
            + suggestions(partial.stream().map(c -> c.id() + " (" + c.name() + ")").toList()));
  }

  private static String suggestions(List<String> candidates) {
    return candidates.isEmpty() ? "" : "; did you mean one of: " + String.join(", ", candidates);
  }

  private static String slugOrEmpty(String name) {
    try {
      return Slug.of(name);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  @Override
  public void close() {
    db.close();
  }
}
