package org.custodiet.core.account;

import java.util.Objects;

/** A signed-in user (by session or API token) on whose behalf a change is made. */
public record Principal(long userId, String username, Role role) {
  public Principal {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(role, "role");
  }

  /** How the decision log names this user. */
  public String actor() {
    return "user:" + username;
  }
}
