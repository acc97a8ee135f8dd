package org.custodiet.store.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The target policy on literal addresses (no DNS needed) and on a name that cannot resolve. */
class WebhookTargetsTest {
  private static final WebhookTargets DEFAULT = WebhookTargets.PUBLIC_ONLY;

  @Test
  void localNetworkAddressesAreRefusedByDefault() {
    Map<String, String> refused =
        Map.ofEntries(
            Map.entry("127.0.0.1", "loopback"),
            Map.entry("127.8.9.10", "loopback"),
            Map.entry("[::1]", "loopback"),
            Map.entry("0.0.0.0", "unspecified"),
            Map.entry("0.1.2.3", "unspecified"),
            Map.entry("[::]", "unspecified"),
            Map.entry("10.1.2.3", "private"),
            Map.entry("172.16.0.1", "private"),
            Map.entry("172.31.255.254", "private"),
            Map.entry("192.168.1.1", "private"),
            Map.entry("169.254.169.254", "link-local"),
            Map.entry("[fe80::1]", "link-local"),
            Map.entry("100.64.0.1", "carrier-grade NAT"),
            Map.entry("100.127.255.254", "carrier-grade NAT"),
            Map.entry("[fd00::1]", "unique-local"),
            Map.entry("[fc00::5]", "unique-local"),
            Map.entry("224.0.0.1", "multicast"),
            Map.entry("[ff02::1]", "multicast"),
            Map.entry("[::ffff:127.0.0.1]", "loopback"),
            Map.entry("[::ffff:169.254.169.254]", "link-local"),
            Map.entry("[::ffff:10.0.0.5]", "private"),
            Map.entry("[::10.0.0.5]", "private"));
    refused.forEach(
        (host, kind) -> {
          String url = "http://" + host + ":8080/hook";
          assertThat(DEFAULT.refusal(url)).as(host).isPresent();
          assertThat(DEFAULT.refusal(url).get())
              .as(host)
              .startsWith("webhook url: " + url + " resolves to ")
              .contains(kind)
              .contains("--webhooks-allow-private");
          assertThatThrownBy(() -> DEFAULT.check(url))
              .as(host)
              .isInstanceOf(IllegalArgumentException.class)
              .hasMessageContaining(kind);
        });
  }

  @Test
  void theRefusalNamesTheAddressAndTheReason() {
    assertThat(DEFAULT.refusal("http://127.0.0.1:9/x"))
        .contains(
            "webhook url: http://127.0.0.1:9/x resolves to 127.0.0.1, a loopback address;"
                + " custodiet does not call local-network addresses unless allowed (custodiet"
                + " serve --webhooks-allow-private, custodiet webhook add --allow-private)");
  }

  @Test
  void publicAddressesNextToPrivateRangesAreAllowed() {
    for (String host :
        new String[] {
          "93.184.216.34",
          "172.32.0.1",
          "172.15.255.254",
          "100.63.255.254",
          "100.128.0.1",
          "11.0.0.1",
          "192.169.0.1",
          "169.255.0.1",
          "[2606:2800:220:1:248:1893:25c8:1946]",
          "[fe00::1]"
        }) {
      assertThat(DEFAULT.refusal("https://" + host + "/hook")).as(host).isEmpty();
    }
    DEFAULT.check("https://93.184.216.34/hook");
  }

  @Test
  void aHostThatDoesNotResolveIsRefused() {
    assertThat(DEFAULT.refusal("https://hooks.custodiet.invalid/in"))
        .contains(
            "webhook url: the host 'hooks.custodiet.invalid' does not resolve; custodiet only"
                + " calls hosts it can check are not on a local network");
  }

  @Test
  void theAllowanceTurnsTheCheckOff() {
    assertThat(WebhookTargets.allowingPrivate(true)).isSameAs(WebhookTargets.ALLOW_PRIVATE);
    assertThat(WebhookTargets.allowingPrivate(false)).isSameAs(WebhookTargets.PUBLIC_ONLY);
    assertThat(WebhookTargets.ALLOW_PRIVATE.allowPrivate()).isTrue();
    assertThat(DEFAULT.allowPrivate()).isFalse();
    for (String url :
        new String[] {
          "http://127.0.0.1:9/x", "http://169.254.169.254/", "http://[::1]/", "http://10.0.0.5/"
        }) {
      assertThat(WebhookTargets.ALLOW_PRIVATE.refusal(url)).as(url).isEmpty();
      WebhookTargets.ALLOW_PRIVATE.check(url);
    }
  }
}
