package org.custodiet.store.webhook;

/**
 * A webhook subscription: where events are POSTed and which claims it is about. At most one of
 * {@code countryIso3}, {@code companyId} and {@code technology} is set; none means every claim. The
 * secret is never part of this record: it is shown once, when the webhook is added.
 */
public record Webhook(
    long id,
    String url,
    String countryIso3,
    String companyId,
    String technology,
    String createdAt,
    String createdBy) {

  /** "all claims", "country KEN", "company huawei" or "technology facial_recognition". */
  public String scope() {
    if (countryIso3 != null) {
      return "country " + countryIso3;
    }
    if (companyId != null) {
      return "company " + companyId;
    }
    if (technology != null) {
      return "technology " + technology;
    }
    return "all claims";
  }
}
