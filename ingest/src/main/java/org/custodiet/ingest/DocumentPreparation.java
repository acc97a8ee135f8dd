package org.custodiet.ingest;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.custodiet.core.model.CanonicalUrl;

/**
 * How a document read from any source becomes one that can be deduplicated and extracted: its text
 * normalised (refused when no letter or digit is left), its address in canonical form (refused when
 * it has none), its text hashed, its labels clipped. The embedded pipeline and the Spark job both
 * prepare documents here, so that they keep and refuse the same ones with the same messages.
 */
public final class DocumentPreparation {
  /** Longest title and origin kept; both are labels, and a hostile record may make them huge. */
  private static final int MAX_LABEL_CHARS = 2000;

  private DocumentPreparation() {}

  /** A prepared document, or why the record cannot be used. */
  public sealed interface Outcome permits Prepared, Refused {}

  /**
   * @param body the normalised text the extractor reads; spans index into it
   * @param canonicalUrl the canonical form of the address, or null when the record had none
   * @param publisher the host of the canonical address, or null
   */
  public record Prepared(
      String body,
      String canonicalUrl,
      String publisher,
      String contentSha256,
      String title,
      String origin)
      implements Outcome {}

  public record Refused(String message) implements Outcome {}

  public static Outcome prepare(RawDocument raw) {
    String body = TextNormaliser.normalise(raw.text() == null ? "" : raw.text());
    if (body.codePoints().noneMatch(Character::isLetterOrDigit)) {
      return new Refused("no text left after removing markup");
    }
    String canonical = null;
    String publisher = null;
    if (raw.url() != null && !raw.url().isBlank()) {
      try {
        canonical = CanonicalUrl.of(raw.url());
        publisher = URI.create(canonical).getHost();
      } catch (IllegalArgumentException e) {
        return new Refused("url: " + e.getMessage());
      }
    }
    return new Prepared(
        body,
        canonical,
        publisher,
        sha256(body),
        clip(raw.title(), MAX_LABEL_CHARS),
        clip(raw.origin(), MAX_LABEL_CHARS));
  }

  /** The hex SHA-256 of a text's UTF-8 bytes: how exact copies are recognised. */
  public static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private static String clip(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max);
  }
}
