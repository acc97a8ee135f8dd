package org.custodiet.core.screening;

/**
 * One part of a score: the contributions of all features of an explanation add up to the score.
 *
 * @param name the feature's name, e.g. "token_overlap", "edit_distance", "legal_form"
 * @param contribution what it added to (positive) or took from (negative) the score
 * @param note a human-readable reason, e.g. "hikvison~hikvision (1 edit)"
 */
public record Feature(String name, double contribution, String note) {}
