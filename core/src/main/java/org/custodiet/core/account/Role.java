package org.custodiet.core.account;

import java.util.Locale;

/**
 * What a signed-in person may do. Anonymous readers have no role and may only read. Curators
 * review, edit, dispute and retract claims; admins also manage users, releases and webhooks.
 */
public enum Role {
  CURATOR,
  ADMIN;

  /** Whether a holder of this role may do what {@code required} is needed for. */
  public boolean permits(Role required) {
    return this == ADMIN || this == required;
  }

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Reads a role code ("curator", "admin"); names the accepted codes otherwise. */
  public static Role ofCode(String code) {
    for (Role r : values()) {
      if (r.code().equals(code)) {
        return r;
      }
    }
    throw new IllegalArgumentException("unknown role '" + code + "': use curator or admin");
  }
}
