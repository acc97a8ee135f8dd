package org.custodiet.web.review;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Addresses of a claim's page, its history and its curator actions; ids keep their slashes. */
public final class ClaimLinks {
  private ClaimLinks() {}

  /** The claim's page, e.g. {@code /claims/dep/huawei/KEN/smart_city/nairobi}. */
  public static String page(String claimId) {
    return "/claims/" + encode(claimId);
  }

  /** The history section of the claim's page. */
  public static String history(String claimId) {
    return page(claimId) + "#history";
  }

  static String encode(String claimId) {
    return URLEncoder.encode(claimId, StandardCharsets.UTF_8)
        .replace("%2F", "/")
        .replace("+", "%20");
  }
}
