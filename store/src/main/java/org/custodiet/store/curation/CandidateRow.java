package org.custodiet.store.curation;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.jdbi.v3.core.Handle;

/**
 * A candidate claim with its document and near-duplicate group, as the review needs them.
 *
 * @param spanText the evidence: the text of the span in the document
 * @param publisherGroup the document's near-duplicate group's publisher group, or null
 */
public record CandidateRow(
    long id,
    String status,
    String supplierId,
    String countryIso3,
    String technology,
    String city,
    String lenderId,
    String instrument,
    BigDecimal amountUsd,
    double confidence,
    int spanStart,
    int spanEnd,
    String extractor,
    String extractorVersion,
    OffsetDateTime createdAt,
    long documentId,
    String documentUrl,
    String documentTitle,
    String documentPublished,
    String documentPublisher,
    String documentOrigin,
    String contentSha256,
    long groupId,
    String publisherGroup,
    String spanText) {

  static final String SELECT =
      "SELECT c.id, c.status, c.supplier_company_id, c.country_iso3, c.technology, c.city,"
          + " c.lender_id, c.instrument, c.amount_usd, c.confidence, c.span_start, c.span_end,"
          + " c.extractor, c.extractor_version, c.created_at, d.id, d.canonical_url, d.title,"
          + " d.published, d.publisher, d.origin, d.content_sha256, g.id, g.publisher_group,"
          + " SUBSTRING(d.body FROM c.span_start + 1 FOR c.span_end - c.span_start)"
          + " FROM candidate_claim c JOIN document d ON d.id = c.document_id"
          + " JOIN near_duplicate_group g ON g.id = d.group_id";

  static java.util.Optional<CandidateRow> find(Handle h, long id) {
    return h.createQuery(SELECT + " WHERE c.id = ?")
        .bind(0, id)
        .map((rs, ctx) -> read(rs))
        .findOne();
  }

  static CandidateRow read(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new CandidateRow(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        rs.getString(8),
        rs.getBigDecimal(9),
        rs.getDouble(10),
        rs.getInt(11),
        rs.getInt(12),
        rs.getString(13),
        rs.getString(14),
        rs.getObject(15, OffsetDateTime.class),
        rs.getLong(16),
        rs.getString(17),
        rs.getString(18),
        rs.getString(19),
        rs.getString(20),
        rs.getString(21),
        rs.getString(22),
        rs.getLong(23),
        rs.getString(24),
        rs.getString(25));
  }

  /** The rejection-memory fingerprint of this candidate's span. */
  public String fingerprint() {
    return SpanFingerprint.of(spanText, supplierId, countryIso3, technology);
  }

  /** The amount without the column's trailing decimal zeros. */
  public String amountText() {
    if (amountUsd == null) {
      return null;
    }
    BigDecimal stripped = amountUsd.stripTrailingZeros();
    return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
  }
}
