package org.custodiet.core.model;

import java.math.BigDecimal;

/** The money side of a {@link ClaimKind#FINANCES} claim. Amount and currency may be unknown. */
public record Financing(Instrument instrument, BigDecimal amount, String currency) {
  public Financing {
    if (amount != null && amount.signum() < 0) {
      throw new IllegalArgumentException("amount: must not be negative, got " + amount);
    }
    if (currency != null && !currency.matches("[A-Z]{3}")) {
      throw new IllegalArgumentException("currency: '" + currency + "' is not an ISO 4217 code");
    }
    if (amount != null && currency == null) {
      throw new IllegalArgumentException("currency: required when an amount is given");
    }
  }

  public enum Instrument {
    CONCESSIONAL_LOAN,
    LOAN,
    EXPORT_CREDIT,
    GRANT,
    COMMERCIAL,
    UNKNOWN
  }
}
