package org.custodiet.core.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Objects;

/**
 * The hash chain over the decision log. Each entry's hash is SHA-256 over its fields, each written
 * as its UTF-8 length and bytes so no two different entries encode alike, ending with the previous
 * entry's hash. Changing, removing or reordering any entry therefore changes every hash after it.
 */
public final class AuditChain {
  /** The "previous hash" of the first entry. */
  public static final String GENESIS = "0".repeat(64);

  private AuditChain() {}

  /** The hash of {@code e}'s fields and its previous hash; {@code e.entryHash()} is ignored. */
  public static String hash(AuditEntry e) {
    MessageDigest sha = sha256();
    field(sha, Long.toString(e.seq()));
    field(sha, e.recordedAt());
    field(sha, e.actor());
    field(sha, e.action());
    field(sha, e.subjectType());
    field(sha, e.subjectId());
    field(sha, e.reason());
    field(sha, e.detail());
    field(sha, e.previousHash());
    return HexFormat.of().formatHex(sha.digest());
  }

  private static void field(MessageDigest sha, String value) {
    if (value == null) {
      sha.update((byte) 0);
      return;
    }
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    sha.update((byte) 1);
    sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
    sha.update((byte) ':');
    sha.update(bytes);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  /** What the stored head row says: the last entry's number and hash. */
  public record Head(long seq, String entryHash) {
    public static final Head EMPTY = new Head(0, GENESIS);
  }

  /**
   * The outcome of a verification: the number of entries checked, the head they lead to and, when
   * broken, the first entry found wrong ({@code brokenSeq}) with what is wrong with it.
   */
  public record Verification(long entries, Head computedHead, Long brokenSeq, String problem) {
    public boolean intact() {
      return brokenSeq == null;
    }
  }

  /**
   * Checks entries read in ascending {@code seq} order: numbered 1, 2, 3 without gaps, each linking
   * to the previous hash, each hash matching its fields, and the last matching the stored head.
   * Reports the first broken entry; later ones are not examined.
   */
  public static Verification verify(Iterator<AuditEntry> entriesInOrder, Head storedHead) {
    Objects.requireNonNull(storedHead, "storedHead");
    long expectedSeq = 1;
    String previous = GENESIS;
    long count = 0;
    while (entriesInOrder.hasNext()) {
      AuditEntry e = entriesInOrder.next();
      count++;
      if (e.seq() != expectedSeq) {
        String problem =
            e.seq() > expectedSeq
                ? "entries " + expectedSeq + " to " + (e.seq() - 1) + " are missing"
                : "entry " + e.seq() + " is out of order (expected " + expectedSeq + ")";
        return new Verification(count, null, expectedSeq, problem);
      }
      if (!e.previousHash().equals(previous)) {
        return new Verification(
            count,
            null,
            e.seq(),
            "entry "
                + e.seq()
                + " does not link to entry "
                + (e.seq() - 1)
                + ": the entries were reordered, removed or altered");
      }
      if (!e.hashMatches()) {
        return new Verification(
            count, null, e.seq(), "entry " + e.seq() + " was altered: its hash does not match");
      }
      previous = e.entryHash();
      expectedSeq++;
    }
    Head computed = new Head(expectedSeq - 1, previous);
    if (!computed.equals(storedHead)) {
      long broken = Math.min(computed.seq(), storedHead.seq()) + 1;
      String problem =
          storedHead.seq() > computed.seq()
              ? "the head records entry "
                  + storedHead.seq()
                  + " but the log ends at entry "
                  + computed.seq()
                  + ": entries were removed from its end"
              : "the head does not match the last entry " + computed.seq();
      return new Verification(count, computed, broken, problem);
    }
    return new Verification(count, computed, null, null);
  }
}
