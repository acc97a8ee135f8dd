package org.custodiet.store.curation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/**
 * What a rejection remembers: the evidence sentence, with letter case, punctuation and spacing
 * ignored, together with the supplier, country and technology it was read as. A syndicated copy
 * that repeats the sentence (perhaps with other quotes or dashes) gets the same fingerprint.
 */
public final class SpanFingerprint {
  private SpanFingerprint() {}

  public static String of(
      String spanText, String supplierId, String countryIso3, String technology) {
    String key =
        normalise(spanText)
            + '\u001f'
            + supplierId
            + '\u001f'
            + countryIso3
            + '\u001f'
            + technology;
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** Lower-cased words (letters and digits) separated by single spaces. */
  static String normalise(String text) {
    String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    return nfkc.replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }
}
