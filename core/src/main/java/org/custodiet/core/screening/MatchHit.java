package org.custodiet.core.screening;

/**
 * A listed entry that a query name met.
 *
 * @param entry the entry
 * @param score between 0 and 1; at or above {@link Matcher#DEFAULT_THRESHOLD} for returned hits
 * @param explanation which of the entry's names was met and how
 */
public record MatchHit(ListEntry entry, double score, Explanation explanation) {}
