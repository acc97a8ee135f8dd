package org.custodiet.store;

import java.util.List;
import java.util.Map;

/**
 * What {@link SeedLoader#load} did. {@code rows} counts the data rows loaded per seed file (empty
 * unless LOADED).
 */
public record SeedResult(
    Status status,
    String sha256,
    String recordedSha256,
    Map<String, Integer> rows,
    List<String> missingFiles,
    String message) {

  public enum Status {
    /** The seed was loaded into the empty database. */
    LOADED,
    /**
     * The database held only an older bundled seed and no imported data; it was replaced by this
     * seed in one transaction.
     */
    UPGRADED,
    /** This very seed was loaded before; nothing was done. */
    ALREADY_LOADED,
    /**
     * The database holds a different (older or newer) seed; nothing was done. Upgrading a seed is
     * not supported yet.
     */
    DIFFERENT_SEED_PRESENT,
    /** The database holds data but no seed record; nothing was done. */
    DATABASE_NOT_EMPTY,
    /** No seed files were found (the jar was built without data/); nothing was done. */
    NO_SEED
  }
}
