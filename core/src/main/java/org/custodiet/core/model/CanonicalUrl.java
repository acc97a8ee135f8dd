package org.custodiet.core.model;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * One document, one address: the canonical form under which a web source is stored, so that the
 * same page cited as http or https, with or without "www." or tracking parameters, is one source.
 * tools/seed/build_seed.py applies the same rule to the bundled data; a store test keeps the two in
 * step.
 */
public final class CanonicalUrl {
  private CanonicalUrl() {}

  /**
   * https scheme; host lower-cased without a leading "www."; default ports, fragment and {@code
   * utm_*} parameters dropped; path and the remaining query kept as written ("/" for an empty
   * path).
   */
  public static String of(String url) {
    URI u;
    try {
      u = new URI(url.strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("'" + url + "' is not a valid URL: " + e.getReason(), e);
    }
    String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || u.getRawAuthority() == null) {
      throw new IllegalArgumentException("'" + url + "' is not an http(s) URL");
    }
    String host = u.getHost() == null ? null : u.getHost().toLowerCase(Locale.ROOT);
    if (host == null) {
      throw new IllegalArgumentException("'" + url + "' has no host");
    }
    if (host.startsWith("www.")) {
      host = host.substring(4);
    }
    int port = u.getPort();
    StringBuilder b = new StringBuilder("https://").append(host);
    if (port != -1 && port != 80 && port != 443) {
      b.append(':').append(port);
    }
    String path = u.getRawPath();
    b.append(path == null || path.isEmpty() ? "/" : path);
    if (u.getRawQuery() != null) {
      List<String> kept = new ArrayList<>();
      for (String parameter : u.getRawQuery().split("&", -1)) {
        if (!parameter.isEmpty() && !parameter.toLowerCase(Locale.ROOT).startsWith("utm_")) {
          kept.add(parameter);
        }
      }
      if (!kept.isEmpty()) {
        b.append('?').append(String.join("&", kept));
      }
    }
    return b.toString();
  }

  /** The id of a document source: "doc-" and 12 hex digits of SHA-256 of the canonical URL. */
  public static String documentId(String url) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(of(url).getBytes(StandardCharsets.UTF_8));
      return "doc-" + HexFormat.of().formatHex(hash).substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
