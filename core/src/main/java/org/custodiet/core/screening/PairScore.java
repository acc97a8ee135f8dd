package org.custodiet.core.screening;

/** The score of two names compared on their own, with its explanation. */
public record PairScore(double score, Explanation explanation) {}
