package org.custodiet.store.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** The rules for a webhook address: absolute http(s), a host, no credentials, bounded length. */
public final class WebhookUrl {
  public static final int MAX_LENGTH = 2000;

  private WebhookUrl() {}

  /** Returns the address if acceptable; otherwise throws saying what is wrong with it. */
  public static String check(String url) {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("webhook url: give the address to POST events to");
    }
    if (url.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "webhook url: at most " + MAX_LENGTH + " characters, got " + url.length());
    }
    if (!url.strip().equals(url) || url.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
      throw new IllegalArgumentException(
          "webhook url: must not contain spaces or control characters");
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("webhook url: not a valid address: " + e.getReason(), e);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException(
          "webhook url: must start with http:// or https://, got '"
              + (uri.getScheme() == null ? "" : uri.getScheme())
              + "'");
    }
    if (uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException(
          "webhook url: must not carry credentials (user:password@); the receiver checks the"
              + " X-Custodiet-Signature header instead");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new IllegalArgumentException("webhook url: names no host");
    }
    if (uri.getRawFragment() != null) {
      throw new IllegalArgumentException("webhook url: must not have a #fragment");
    }
    return url;
  }
}
