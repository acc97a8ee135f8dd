package org.custodiet.core.model;

import java.math.BigDecimal;
import java.util.Set;

/** The country indicators we carry, each with the values it admits. */
public enum IndicatorKind {
  /** V-Dem Regimes of the World: CA, EA, ED, LD. */
  REGIME_TYPE {
    @Override
    void validate(String value) {
      if (!Set.of("CA", "EA", "ED", "LD").contains(value)) {
        throw new IllegalArgumentException("regime_type: '" + value + "' is not CA, EA, ED or LD");
      }
    }
  },
  BRI_MEMBER {
    @Override
    void validate(String value) {
      if (!value.equals("true") && !value.equals("false")) {
        throw new IllegalArgumentException("bri_member: '" + value + "' is not true or false");
      }
    }
  },
  FOTN_STATUS {
    @Override
    void validate(String value) {
      if (!Set.of("FREE", "PARTLY FREE", "NOT FREE").contains(value)) {
        throw new IllegalArgumentException("fotn_status: '" + value + "' is not a FOTN status");
      }
    }
  },
  FOTN_SCORE,
  MILITARY_EXPENDITURE_RANK,
  DIGITAL_REPRESSION_INDEX,
  ELECTORAL_DEMOCRACY_INDEX;

  void validate(String value) {
    try {
      new BigDecimal(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(code() + ": '" + value + "' is not a number", e);
    }
  }

  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static IndicatorKind fromCode(String code) {
    for (IndicatorKind k : values()) {
      if (k.code().equals(code)) {
        return k;
      }
    }
    throw new IllegalArgumentException("indicator: unknown kind '" + code + "'");
  }
}
