package org.custodiet.store.ingest;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.custodiet.core.extract.CandidateClaim;
import org.custodiet.core.model.Financing;
import org.custodiet.store.Database;

/** The review queue: candidate claims read by extractors, waiting for a curator. */
public final class CandidateRepository {
  public static final Set<String> STATUSES = Set.of("pending", "accepted", "rejected");

  private final Database db;

  public CandidateRepository(Database db) {
    this.db = db;
  }

  /**
   * Candidates with the given status and at least the given confidence, most confident first, then
   * oldest first.
   */
  public List<CandidateView> list(String status, double minConfidence, int limit) {
    if (!STATUSES.contains(status)) {
      throw new IllegalArgumentException(
          "status: '" + status + "' is not one of pending, accepted, rejected");
    }
    if (!(minConfidence >= 0 && minConfidence <= 1)) {
      throw new IllegalArgumentException(
          "minimum confidence must be between 0 and 1, got " + minConfidence);
    }
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, got " + limit);
    }
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT c.id, c.status, c.supplier_company_id, c.country_iso3,"
                            + " c.technology, c.city, c.lender_id, c.instrument, c.amount_usd,"
                            + " c.confidence, c.span_start, c.span_end, c.extractor,"
                            + " c.extractor_version,"
                            + " SUBSTRING(d.body FROM c.span_start + 1 FOR c.span_end - c.span_start),"
                            + " d.id, d.canonical_url, d.origin, d.title, c.created_at"
                            + " FROM candidate_claim c JOIN document d ON d.id = c.document_id"
                            + " WHERE c.status = ? AND c.confidence >= ?"
                            + " ORDER BY c.confidence DESC, c.id LIMIT ?")
                    .bind(0, status)
                    .bind(1, minConfidence)
                    .bind(2, limit)
                    .map(
                        (rs, ctx) -> {
                          String instrument = rs.getString(8);
                          BigDecimal amount = rs.getBigDecimal(9);
                          CandidateClaim.FinancingMention financing =
                              instrument == null
                                  ? null
                                  : new CandidateClaim.FinancingMention(
                                      rs.getString(7),
                                      Financing.Instrument.valueOf(
                                          instrument.toUpperCase(Locale.ROOT)),
                                      amount == null ? null : plain(amount));
                          CandidateClaim claim =
                              new CandidateClaim(
                                  rs.getString(3),
                                  rs.getString(4),
                                  rs.getString(5),
                                  rs.getString(6),
                                  financing,
                                  rs.getDouble(10),
                                  rs.getInt(11),
                                  rs.getInt(12),
                                  rs.getString(13),
                                  rs.getString(14));
                          return new CandidateView(
                              rs.getLong(1),
                              rs.getString(2),
                              claim,
                              rs.getString(15),
                              rs.getLong(16),
                              rs.getString(17),
                              rs.getString(18),
                              rs.getString(19),
                              rs.getObject(20, OffsetDateTime.class));
                        })
                    .list());
  }

  /** The amount without the column's trailing decimal zeros, as the extractor gave it. */
  private static BigDecimal plain(BigDecimal amount) {
    BigDecimal stripped = amount.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }
}
