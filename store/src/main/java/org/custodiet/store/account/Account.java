package org.custodiet.store.account;

import java.time.Instant;
import org.custodiet.core.account.Principal;
import org.custodiet.core.account.Role;

/** A user as stored, without the password hash. */
public record Account(
    long id,
    String username,
    Role role,
    boolean disabled,
    int failedLogins,
    Instant lockedUntil,
    Instant createdAt) {

  public Principal principal() {
    return new Principal(id, username, role);
  }

  /** Whether sign-in is refused at {@code now} because of repeated failures. */
  public boolean lockedAt(Instant now) {
    return lockedUntil != null && lockedUntil.isAfter(now);
  }
}
