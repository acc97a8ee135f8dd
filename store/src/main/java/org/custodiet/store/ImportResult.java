package org.custodiet.store;

/**
 * What an import added. {@code claimsCorroborated} counts claims already in the database that got
 * new evidence; {@code evidenceUnchanged} counts evidence already recorded with the same content.
 */
public record ImportResult(
    long batchId,
    String file,
    String sha256,
    int rows,
    int sourcesAdded,
    int claimsAdded,
    int claimsCorroborated,
    int evidenceAdded,
    int evidenceUnchanged) {}
