package org.custodiet.store.search;

import java.util.List;

/** The best hits for a query, best first, and how many documents matched in all. */
public record SearchResults(String query, long total, List<SearchHit> hits) {
  public SearchResults {
    hits = List.copyOf(hits);
  }
}
