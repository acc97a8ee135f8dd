package org.custodiet.store.curation;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.custodiet.core.model.CanonicalUrl;
import org.custodiet.core.model.Slug;
import org.custodiet.core.model.SourceTier;
import org.custodiet.core.rules.CodingRules;

/**
 * What accepting a candidate with a curator's edits would write: the claims (keyed as the seed keys
 * deployments and financing, so that a claim already on record is corroborated rather than
 * repeated), the source made from the document, and the evidence summary.
 */
record Plan(
    String supplierId,
    String countryIso3,
    String technology,
    String city,
    String agency,
    String stage,
    String observedFrom,
    String observedTo,
    String lenderId,
    String instrument,
    BigDecimal amount,
    String currency,
    SourceTier tier,
    String sourceKind,
    String sourceUrl,
    String publisher,
    String publisherGroup,
    String summary,
    List<ClaimKey> claims) {

  /** One claim the acceptance creates or adds evidence to. */
  record ClaimKey(String id, String kind) {}

  /**
   * The candidate as edited. Fails, naming the field, when the source would have no address or no
   * publisher.
   */
  static Plan of(CandidateRow c, Edits e, String supplierName, String technologyLabel) {
    String supplier = e.get("supplier", c.supplierId());
    String country = e.get("country", c.countryIso3());
    String technology = e.get("technology", c.technology());
    String city = e.get("city", c.city());
    String lender = e.get("lender", c.lenderId());
    String instrument = e.get("instrument", c.instrument());
    if (lender != null && instrument == null) {
      instrument = "unknown";
    }
    String amountText = e.get("amount", c.amountText());
    BigDecimal amount = amountText == null ? null : new BigDecimal(amountText);
    String currency = e.get("currency", amount == null ? null : "USD");
    if (amount != null && currency == null) {
      throw CurationException.invalid("currency", "required with an amount");
    }
    String kind = e.get("source_kind", "other");
    SourceTier tier =
        e.has("tier") ? SourceTier.valueOf(e.get("tier")) : CodingRules.tierForSourceKind(kind);
    String url = e.get("source_url", c.documentUrl());
    if (url == null) {
      throw CurationException.invalid(
          "source_url", "the document was read without an address; give the source's URL");
    }
    try {
      url = CanonicalUrl.of(url);
    } catch (IllegalArgumentException ex) {
      throw CurationException.invalid("source_url", ex.getMessage());
    }
    String publisher = e.get("publisher", c.documentPublisher());
    if (publisher == null) {
      publisher = java.net.URI.create(url).getHost();
    }
    String group =
        e.get("publisher_group", c.publisherGroup() == null ? publisher : c.publisherGroup());
    List<ClaimKey> claims = new ArrayList<>();
    String place = city == null ? null : Slug.of(city);
    claims.add(
        new ClaimKey(
            "dep/"
                + supplier
                + "/"
                + country
                + "/"
                + technology.replace(':', '-')
                + "/"
                + (place == null ? "-" : place),
            "supplies"));
    if (lender != null) {
      claims.add(
          new ClaimKey(
              "fin/"
                  + lender
                  + "/"
                  + country
                  + "/"
                  + supplier
                  + "-"
                  + technology.replace(':', '-')
                  + "-"
                  + (place == null ? "national" : place),
              "finances"));
    }
    String summary =
        e.get(
            "summary",
            neutralSummary(supplierName, technologyLabel, country, city, c.documentPublished()));
    return new Plan(
        supplier,
        country,
        technology,
        city,
        e.get("agency"),
        e.get("stage", "unspecified"),
        e.get("observed_from"),
        e.get("observed_to"),
        lender,
        lender == null ? null : instrument,
        lender == null ? null : amount,
        lender == null || amount == null ? null : currency,
        tier,
        kind,
        url,
        publisher,
        group,
        summary,
        List.copyOf(claims));
  }

  /** A sentence of our own about what the document reports; never the document's words. */
  static String neutralSummary(
      String supplierName, String technologyLabel, String country, String city, String published) {
    return "Reports "
        + supplierName
        + " supplying "
        + technologyLabel.toLowerCase(java.util.Locale.ROOT)
        + " in "
        + (city == null ? country : city + ", " + country)
        + (published == null ? "" : " (published " + published + ")")
        + "; read by the extractor and accepted in review.";
  }

  /** The source id of a document: "doc-" and the first 12 hex digits of its URL's SHA-256. */
  String sourceId() {
    try {
      return "doc-"
          + HexFormat.of()
              .formatHex(
                  MessageDigest.getInstance("SHA-256")
                      .digest(sourceUrl.getBytes(StandardCharsets.UTF_8)))
              .substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
