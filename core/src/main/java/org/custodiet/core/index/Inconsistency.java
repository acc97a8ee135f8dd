package org.custodiet.core.index;

/**
 * A place where the data contradicts itself, reported rather than hidden: e.g. a dataset row names
 * a US company for a country but lacks that dataset's US-technology flag.
 */
public record Inconsistency(String countryIso3, String sourceId, String claimId, String message) {}
