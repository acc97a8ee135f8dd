package org.custodiet.store.webhook;

/** Which claims a webhook is sent: one country, company or technology, or all ({@link #ALL}). */
public record WebhookScope(String countryIso3, String companyId, String technology) {
  public static final WebhookScope ALL = new WebhookScope(null, null, null);

  public WebhookScope {
    int set =
        (countryIso3 == null ? 0 : 1) + (companyId == null ? 0 : 1) + (technology == null ? 0 : 1);
    if (set > 1) {
      throw new IllegalArgumentException(
          "webhook scope: name at most one of country, company and technology");
    }
  }

  public static WebhookScope country(String iso3) {
    return new WebhookScope(iso3, null, null);
  }

  public static WebhookScope company(String id) {
    return new WebhookScope(null, id, null);
  }

  public static WebhookScope technology(String code) {
    return new WebhookScope(null, null, code);
  }
}
