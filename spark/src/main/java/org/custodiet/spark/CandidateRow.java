package org.custodiet.spark;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Locale;
import org.custodiet.core.extract.CandidateClaim;
import org.custodiet.core.model.Financing;

/**
 * A candidate claim in serialisable form, with the columns of {@code candidate_claim}.
 *
 * @param instrument the financing instrument in the database's lower-case code, or null
 */
public record CandidateRow(
    String supplierCompanyId,
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
    String extractorVersion)
    implements Serializable {

  public static CandidateRow of(CandidateClaim c) {
    CandidateClaim.FinancingMention f = c.financing();
    return new CandidateRow(
        c.supplierCompanyId(),
        c.countryIso3(),
        c.technology(),
        c.city(),
        f == null ? null : f.lenderId(),
        f == null ? null : f.instrument().name().toLowerCase(Locale.ROOT),
        f == null ? null : f.amountUsd(),
        c.confidence(),
        c.spanStart(),
        c.spanEnd(),
        c.extractor(),
        c.extractorVersion());
  }

  public CandidateClaim toClaim() {
    CandidateClaim.FinancingMention financing =
        instrument == null
            ? null
            : new CandidateClaim.FinancingMention(
                lenderId,
                Financing.Instrument.valueOf(instrument.toUpperCase(Locale.ROOT)),
                amountUsd);
    return new CandidateClaim(
        supplierCompanyId,
        countryIso3,
        technology,
        city,
        financing,
        confidence,
        spanStart,
        spanEnd,
        extractor,
        extractorVersion);
  }
}
