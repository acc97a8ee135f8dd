package org.custodiet.core.screening;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Screens names against list entries. Immutable and thread-safe; build once per list version.
 *
 * <p>Work in progress: the scoring below is a placeholder with the final public API.
 */
public final class Matcher {
  /** Hits at or above this score are reported; chosen on the development half of the pairs. */
  public static final double DEFAULT_THRESHOLD = 0.7;

  /** Names longer than this are cut before matching, and the explanation says so. */
  public static final int MAX_NAME_CHARS = NameNormaliser.MAX_NAME_CHARS;

  private final List<ListEntry> entries;
  private final NameNormaliser normaliser = new NameNormaliser();

  private Matcher(List<ListEntry> entries) {
    this.entries = entries;
  }

  public static Matcher build(Collection<ListEntry> entries) {
    return new Matcher(List.copyOf(entries));
  }

  public int size() {
    return entries.size();
  }

  public List<MatchHit> match(ScreeningQuery query, int limit) {
    List<MatchHit> hits = new ArrayList<>();
    for (ListEntry entry : entries) {
      PairScore best = null;
      for (String name : entry.names()) {
        PairScore pair = scorePair(query.name(), name, query.schema());
        if (best == null || pair.score() > best.score()) {
          best = pair;
        }
      }
      if (best != null && best.score() >= DEFAULT_THRESHOLD) {
        hits.add(new MatchHit(entry, best.score(), best.explanation()));
      }
    }
    hits.sort(Comparator.comparingDouble(MatchHit::score).reversed());
    return hits.size() > limit ? List.copyOf(hits.subList(0, limit)) : hits;
  }

  public double score(String a, String b, String schema) {
    return scorePair(a, b, schema).score();
  }

  public PairScore scorePair(String a, String b, String schema) {
    List<String> ta = normaliser.normalise(a).tokens();
    List<String> tb = normaliser.normalise(b).tokens();
    List<String> agreed = new ArrayList<>(ta);
    agreed.retainAll(tb);
    double score = ta.isEmpty() || tb.isEmpty() ? 0 : 2.0 * agreed.size() / (ta.size() + tb.size());
    return new PairScore(
        score,
        new Explanation(a, b, agreed, List.of(), List.of(new Feature("token_overlap", score, ""))));
  }
}
