package org.custodiet.core.extract;

import java.util.Objects;
import org.custodiet.core.model.Financing;

/**
 * A claim an extractor read in one document, waiting for a curator: who supplied what where,
 * optionally how it was financed, with the exact character span of the evidence in the text.
 *
 * @param supplierCompanyId the knowledge base's company id of the named supplier
 * @param countryIso3 where the technology is deployed
 * @param technology a taxonomy code ({@code smart_city}, {@code facial_recognition}, ...)
 * @param city the deployment city named in the text, or null
 * @param financing the financing the text states for this deployment, or null
 * @param confidence between 0 and 1
 * @param spanStart offset of the evidence's first character in the document text
 * @param spanEnd offset just past the evidence's last character
 */
public record CandidateClaim(
    String supplierCompanyId,
    String countryIso3,
    String technology,
    String city,
    FinancingMention financing,
    double confidence,
    int spanStart,
    int spanEnd,
    String extractor,
    String extractorVersion) {
  public CandidateClaim {
    Objects.requireNonNull(supplierCompanyId, "supplierCompanyId");
    Objects.requireNonNull(countryIso3, "countryIso3");
    Objects.requireNonNull(technology, "technology");
    Objects.requireNonNull(extractor, "extractor");
    Objects.requireNonNull(extractorVersion, "extractorVersion");
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException("confidence must be between 0 and 1, got " + confidence);
    }
    if (spanStart < 0 || spanEnd < spanStart) {
      throw new IllegalArgumentException("span [" + spanStart + ", " + spanEnd + ") is not valid");
    }
  }

  /**
   * Money lent or granted for the deployment, as the text states it.
   *
   * @param lenderId the knowledge base's id of the lender, or null when the text names none
   * @param amountUsd the nominal US dollar amount of the financing itself, or null
   */
  public record FinancingMention(
      String lenderId, Financing.Instrument instrument, java.math.BigDecimal amountUsd) {
    public FinancingMention {
      Objects.requireNonNull(instrument, "instrument");
    }
  }
}
