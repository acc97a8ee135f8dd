package org.custodiet.store.account;

/**
 * An account change or look-up that cannot be done, with what went wrong: a malformed value, a user
 * or token that does not exist, or a name already taken. The message names the field or user.
 */
public final class AccountException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why the change was refused; callers map it to an exit code or HTTP status. */
  public enum Kind {
    INVALID,
    NOT_FOUND,
    CONFLICT
  }

  private final Kind kind;

  public AccountException(Kind kind, String message) {
    super(message, null, false, false);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  static AccountException invalid(String message) {
    return new AccountException(Kind.INVALID, message);
  }

  static AccountException unknownUser(String username) {
    return new AccountException(Kind.NOT_FOUND, "no user '" + username + "'");
  }
}
