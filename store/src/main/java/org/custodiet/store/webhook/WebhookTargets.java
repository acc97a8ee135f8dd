package org.custodiet.store.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Which hosts a webhook may be sent to. Unless private targets are allowed, a host is refused when
 * any address it resolves to is on a local network (loopback, unspecified, link-local, private,
 * unique-local, carrier-grade NAT, multicast, or an IPv4-mapped IPv6 form of those), so that an
 * admin's URL cannot make the server probe its own network or a cloud metadata service. A host that
 * does not resolve is refused too, since it cannot be checked.
 */
public final class WebhookTargets {
  /** The default: public addresses only. */
  public static final WebhookTargets PUBLIC_ONLY = new WebhookTargets(false);

  /** For operators whose receivers run on their own network, and for tests on 127.0.0.1. */
  public static final WebhookTargets ALLOW_PRIVATE = new WebhookTargets(true);

  private final boolean allowPrivate;

  private WebhookTargets(boolean allowPrivate) {
    this.allowPrivate = allowPrivate;
  }

  public static WebhookTargets allowingPrivate(boolean allowPrivate) {
    return allowPrivate ? ALLOW_PRIVATE : PUBLIC_ONLY;
  }

  public boolean allowPrivate() {
    return allowPrivate;
  }

  /** Throws, naming the field and the reason, if {@code url} may not be called. */
  public void check(String url) {
    Optional<String> refusal = refusal(url);
    if (refusal.isPresent()) {
      throw new IllegalArgumentException(refusal.get());
    }
  }

  /**
   * Why {@code url} (already accepted by {@link WebhookUrl#check}) may not be called, or empty if
   * it may. Resolves the host, which for a name asks DNS.
   */
  public Optional<String> refusal(String url) {
    if (allowPrivate) {
      return Optional.empty();
    }
    String host;
    try {
      host = new URI(url).getHost();
    } catch (URISyntaxException e) {
      return Optional.of("webhook url: not a valid address: " + e.getReason());
    }
    if (host == null) {
      return Optional.of("webhook url: names no host");
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      return Optional.of(
          "webhook url: the host '"
              + host
              + "' does not resolve; custodiet only calls hosts it can check are not on a local"
              + " network");
    }
    for (InetAddress address : addresses) {
      Optional<String> kind = localKind(address);
      if (kind.isPresent()) {
        return Optional.of(
            "webhook url: "
                + url
                + " resolves to "
                + address.getHostAddress()
                + ", "
                + kind.get()
                + "; custodiet does not call local-network addresses unless allowed (custodiet"
                + " serve --webhooks-allow-private, custodiet webhook add --allow-private)");
      }
    }
    return Optional.empty();
  }

  /** "a loopback address" and the like when {@code address} is on a local network. */
  static Optional<String> localKind(InetAddress address) {
    InetAddress a = unmapped(address);
    byte[] b = a.getAddress();
    if (a.isLoopbackAddress()) {
      return Optional.of("a loopback address");
    }
    if (a.isAnyLocalAddress() || (a instanceof Inet4Address && b[0] == 0)) {
      return Optional.of("an unspecified (any-local) address");
    }
    if (a.isLinkLocalAddress()) {
      return Optional.of("a link-local address (which includes cloud metadata services)");
    }
    if (a.isSiteLocalAddress()) {
      return Optional.of("a private (site-local) address");
    }
    if (a instanceof Inet6Address && (b[0] & 0xfe) == 0xfc) {
      return Optional.of("a unique-local IPv6 address");
    }
    if (a instanceof Inet4Address && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64) {
      return Optional.of("a carrier-grade NAT address");
    }
    if (a.isMulticastAddress()) {
      return Optional.of("a multicast address");
    }
    return Optional.empty();
  }

  /**
   * The IPv4 address inside an IPv4-mapped (::ffff:a.b.c.d) or IPv4-compatible (::a.b.c.d) IPv6
   * address, which reach the IPv4 host; any other address unchanged.
   */
  private static InetAddress unmapped(InetAddress address) {
    if (!(address instanceof Inet6Address)) {
      return address;
    }
    byte[] b = address.getAddress();
    boolean zeroPrefix = Arrays.equals(b, 0, 10, new byte[10], 0, 10);
    boolean mapped = zeroPrefix && b[10] == (byte) 0xff && b[11] == (byte) 0xff;
    boolean compatible = zeroPrefix && b[10] == 0 && b[11] == 0 && (b[12] != 0 || b[13] != 0);
    if (!mapped && !compatible) {
      return address;
    }
    try {
      return InetAddress.getByAddress(Arrays.copyOfRange(b, 12, 16));
    } catch (UnknownHostException e) {
      throw new IllegalStateException("four bytes are always an IPv4 address", e);
    }
  }
}
