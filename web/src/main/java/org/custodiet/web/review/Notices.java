package org.custodiet.web.review;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The one-line notice a page shows after a decision, carried in the redirect's query string and
 * signed with a key of this process, so that a link made elsewhere cannot put words on a curator's
 * page. A notice from before a restart is simply not shown.
 */
final class Notices {
  private static final int MAX = 300;
  private static final byte[] KEY = new byte[32];

  static {
    new SecureRandom().nextBytes(KEY);
  }

  private Notices() {}

  /** The query string ("notice=...&sig=...") carrying {@code text}. */
  static String query(String text) {
    String clipped = text.length() <= MAX ? text : text.substring(0, MAX) + "…";
    return ReviewPages.query(Map.of("notice", clipped)) + "&sig=" + sign(clipped);
  }

  /** The notice of a request, or null when there is none or its signature does not match. */
  static String read(String text, String signature) {
    if (text == null || signature == null || text.length() > MAX + 1) {
      return null;
    }
    byte[] expected = sign(text).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))
        ? text
        : null;
  }

  private static String sign(String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)), 0, 16);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
