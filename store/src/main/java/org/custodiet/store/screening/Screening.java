package org.custodiet.store.screening;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.custodiet.core.screening.ListEntry;
import org.custodiet.core.screening.MatchHit;
import org.custodiet.core.screening.Matcher;
import org.custodiet.core.screening.ScreeningQuery;
import org.custodiet.store.Database;

/**
 * One consistent state of screening: the matcher over the entries of every list's newest version,
 * the versions themselves and the remembered decisions. Immutable; load a new one after an import
 * or a decision. Shared by the command line, the API and the pages, so all three answer alike.
 */
public final class Screening {
  /** Longest query name accepted, in characters. */
  public static final int MAX_NAME = 1000;

  /** Most hits returned for one query. */
  public static final int MAX_LIMIT = 100;

  public static final int DEFAULT_LIMIT = 10;

  private final Matcher matcher;
  private final Map<String, StoredEntry> entries;
  private final List<ScreeningList> lists;
  private final Map<ScreeningDecisions.Pair, Decision> decisions;
  private final Map<String, Long> decisionsByQuery;

  private Screening(
      Matcher matcher,
      Map<String, StoredEntry> entries,
      List<ScreeningList> lists,
      Map<ScreeningDecisions.Pair, Decision> decisions) {
    this.matcher = matcher;
    this.entries = entries;
    this.lists = List.copyOf(lists);
    this.decisions = Map.copyOf(decisions);
    this.decisionsByQuery =
        decisions.keySet().stream()
            .collect(
                Collectors.groupingBy(ScreeningDecisions.Pair::queryKey, Collectors.counting()));
  }

  /** Reads every list and decision from the database. */
  public static Screening load(Database db) {
    ScreeningLists lists = new ScreeningLists(db);
    Map<String, StoredEntry> entries = new HashMap<>();
    List<ListEntry> forMatcher = new ArrayList<>();
    for (StoredEntry e : lists.entries()) {
      entries.put(key(e.listId(), e.entryId()), e);
      forMatcher.add(toListEntry(e));
    }
    return new Screening(
        Matcher.build(forMatcher), entries, lists.lists(), new ScreeningDecisions(db).current());
  }

  /** The same lists with the decisions as they are now in the database. */
  public Screening withDecisions(Database db) {
    return new Screening(matcher, entries, lists, new ScreeningDecisions(db).current());
  }

  static ListEntry toListEntry(StoredEntry e) {
    Map<String, String> properties = new LinkedHashMap<>();
    e.properties().forEach((k, v) -> properties.put(k, String.join("; ", v)));
    if (!e.datasets().isEmpty()) {
      properties.put("datasets", String.join("; ", e.datasets()));
    }
    return new ListEntry(
        e.entryId(),
        e.listId(),
        e.schema(),
        e.name(),
        e.names().stream().skip(1).map(EntryName::name).toList(),
        java.util.Set.copyOf(e.countries()),
        properties);
  }

  private static String key(String listId, String entryId) {
    return listId + "\u0000" + entryId;
  }

  /**
   * Why a query name cannot be screened, or null when it can: empty, longer than {@link #MAX_NAME},
   * or holding control characters.
   */
  public static String nameProblem(String name) {
    if (name == null || name.isBlank()) {
      return "is empty";
    }
    if (name.length() > MAX_NAME) {
      return "is " + name.length() + " characters long, over the limit of " + MAX_NAME;
    }
    if (EntryDraft.hasControlCharacter(name)) {
      return "contains control characters";
    }
    if (ScreeningDecisions.queryKey(name).isEmpty()) {
      return "has no letters or digits to match on";
    }
    return null;
  }

  /** A hit with the entry as stored and the decision remembered for the pair, if any. */
  public record Hit(MatchHit match, StoredEntry entry, Decision decision) {
    public boolean dismissed() {
      return decision != null && decision.verdict() == Decision.Verdict.FALSE_POSITIVE;
    }

    public boolean confirmed() {
      return decision != null && decision.verdict() == Decision.Verdict.CONFIRMED;
    }
  }

  /**
   * The result for one query: the hits that count, best first, and the hits dismissed earlier as
   * false positives, shown apart with who dismissed them and why.
   */
  public record Result(ScreeningQuery query, List<Hit> hits, List<Hit> dismissed) {
    public Result {
      hits = List.copyOf(hits);
      dismissed = List.copyOf(dismissed);
    }
  }

  /** Screens one name, keeping hits that score at least {@code threshold}. */
  public Result screen(ScreeningQuery query, int limit, double threshold) {
    Objects.requireNonNull(query, "query");
    String problem = nameProblem(query.name());
    if (problem != null) {
      throw new IllegalArgumentException("name " + problem);
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
    }
    String queryKey = ScreeningDecisions.queryKey(query.name());
    // Ask for enough hits that dismissing some still leaves `limit` of them.
    long dismissable = decisionsByQuery.getOrDefault(queryKey, 0L);
    List<Hit> hits = new ArrayList<>();
    List<Hit> dismissed = new ArrayList<>();
    if (!(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException("threshold must be above 0 and at most 1");
    }
    for (MatchHit m : matcher.match(query, limit + (int) dismissable, threshold)) {
      Decision d =
          decisions.get(new ScreeningDecisions.Pair(queryKey, m.entry().listId(), m.entry().id()));
      Hit hit = new Hit(m, entries.get(key(m.entry().listId(), m.entry().id())), d);
      if (hit.dismissed()) {
        dismissed.add(hit);
      } else if (hits.size() < limit) {
        hits.add(hit);
      }
    }
    return new Result(query, hits, dismissed);
  }

  public Result screen(ScreeningQuery query, int limit) {
    return screen(query, limit, Matcher.DEFAULT_THRESHOLD);
  }

  /** Every list with its newest version. */
  public List<ScreeningList> lists() {
    return lists;
  }

  public boolean hasList(String listId) {
    return lists.stream().anyMatch(l -> l.id().equals(listId));
  }

  /** "list-id version-date" for each list, as reports print them. */
  public String versionsLine() {
    return lists.stream()
        .map(
            l ->
                l.id()
                    + " "
                    + (l.latest() == null ? "(not imported)" : l.latest().versionDate().toString()))
        .collect(Collectors.joining(", "));
  }

  public int entryCount() {
    return entries.size();
  }
}
