package org.custodiet.core.audit;

import java.util.Locale;

/** The kinds of change the decision log records. */
public enum AuditAction {
  SEED,
  IMPORT,
  ACCEPT,
  REJECT,
  EDIT,
  MERGE,
  DISPUTE,
  RETRACT,
  RELEASE,
  USER_ADD,
  USER_DISABLE,
  USER_ENABLE,
  USER_RESET,
  USER_LOCKOUT,
  USER_ROLE,
  TOKEN_CREATE,
  TOKEN_REVOKE,
  WEBHOOK_ADD,
  WEBHOOK_REMOVE,
  LIST_IMPORT,
  SCREENING_DECISION,
  RESTORE;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static AuditAction ofCode(String code) {
    for (AuditAction a : values()) {
      if (a.code().equals(code)) {
        return a;
      }
    }
    throw new IllegalArgumentException("unknown audit action '" + code + "'");
  }
}
