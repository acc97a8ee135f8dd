package org.custodiet.spark;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.custodiet.core.model.CanonicalUrl;
import org.custodiet.ingest.MinHash;
import org.custodiet.ingest.RawDocument;
import org.custodiet.ingest.TextNormaliser;

/**
 * Turns what a reader found into a document ready for deduplication, by the same steps and with the
 * same refusals as the embedded ingest pipeline: normalised text that must keep a letter or digit,
 * and an address that must have a canonical form.
 */
final class Preparation {
  private Preparation() {}

  /** The prepared document, or why the record cannot be used. */
  sealed interface Outcome extends java.io.Serializable {}

  record Ready(PreparedDocument document) implements Outcome {}

  record Refused(Quarantined record) implements Outcome {}

  static Outcome prepare(RawDocument raw, long order, String file) {
    String body = TextNormaliser.normalise(raw.text() == null ? "" : raw.text());
    if (body.codePoints().noneMatch(Character::isLetterOrDigit)) {
      return refuse(file, raw.origin(), order, "no text left after removing markup");
    }
    String canonical = null;
    String publisher = null;
    if (raw.url() != null && !raw.url().isBlank()) {
      try {
        canonical = CanonicalUrl.of(raw.url());
        publisher = URI.create(canonical).getHost();
      } catch (IllegalArgumentException e) {
        return refuse(file, raw.origin(), order, "url: " + e.getMessage());
      }
    }
    return new Ready(
        new PreparedDocument(
            order,
            file,
            clip(raw.origin(), 2000),
            raw.format().code(),
            canonical,
            publisher,
            clip(raw.title(), 2000),
            raw.published(),
            sha256(body),
            body,
            MinHash.signature(body)));
  }

  private static Refused refuse(String file, String origin, long order, String error) {
    return new Refused(new Quarantined(file, origin, order, error));
  }

  private static String clip(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max);
  }

  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
