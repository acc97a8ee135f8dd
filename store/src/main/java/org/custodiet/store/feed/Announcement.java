package org.custodiet.store.feed;

/**
 * A claim announced as newly established: when, the decision-log head then, what it is about (for
 * the per-country, company and technology feeds) and its title and summary as announced.
 */
public record Announcement(
    String claimId,
    String announcedAt,
    long auditSeq,
    String countryIso3,
    String companyId,
    String lenderId,
    String technology,
    String title,
    String summary) {}
