package org.custodiet.store.screening;

/**
 * A screening list: where it comes from, under which licence, and its newest version (null before
 * the first import).
 */
public record ScreeningList(
    String id,
    String name,
    ListFormat format,
    String sourceUrl,
    String licence,
    String attribution,
    ListVersion latest) {}
