package org.custodiet.store.account;

import java.util.regex.Pattern;

/** The rules usernames, passwords and token labels must follow, with messages naming the field. */
public final class Credentials {
  public static final int MIN_PASSWORD = 12;
  public static final int MAX_PASSWORD = 1024;
  public static final int MAX_USERNAME = 64;
  public static final int MAX_TOKEN_LABEL = 100;

  private static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{1,64}");

  private Credentials() {}

  /** Checks a username: 1 to 64 of a-z, 0-9, '.', '_' and '-'. Returns it. */
  public static String username(String name) {
    if (name == null || name.isEmpty()) {
      throw AccountException.invalid("username: missing");
    }
    if (name.length() > MAX_USERNAME) {
      throw AccountException.invalid(
          "username: " + name.length() + " characters, longer than the limit of " + MAX_USERNAME);
    }
    if (!USERNAME.matcher(name).matches()) {
      throw AccountException.invalid(
          "username: use only lower-case letters a-z, digits and '.', '_' or '-'");
    }
    return name;
  }

  /**
   * Checks a new password: 12 to 1024 characters, no control characters. Length is what makes a
   * password strong, so there is no rule about character classes.
   */
  public static String newPassword(String password) {
    if (password == null || password.isEmpty()) {
      throw AccountException.invalid("password: missing");
    }
    if (password.length() < MIN_PASSWORD) {
      throw AccountException.invalid(
          "password: too short ("
              + password.length()
              + " characters; at least "
              + MIN_PASSWORD
              + ")");
    }
    if (password.length() > MAX_PASSWORD) {
      throw AccountException.invalid(
          "password: "
              + password.length()
              + " characters, longer than the limit of "
              + MAX_PASSWORD);
    }
    if (hasControlCharacter(password)) {
      throw AccountException.invalid("password: contains a control character");
    }
    return password;
  }

  /** Checks a token label: 1 to 100 characters, no control characters. Returns it trimmed. */
  public static String tokenLabel(String label) {
    String trimmed = label == null ? "" : label.strip();
    if (trimmed.isEmpty()) {
      throw AccountException.invalid("label: missing");
    }
    if (trimmed.length() > MAX_TOKEN_LABEL) {
      throw AccountException.invalid(
          "label: "
              + trimmed.length()
              + " characters, longer than the limit of "
              + MAX_TOKEN_LABEL);
    }
    if (hasControlCharacter(trimmed)) {
      throw AccountException.invalid("label: contains a control character");
    }
    return trimmed;
  }

  static boolean hasControlCharacter(String s) {
    return s.chars().anyMatch(Character::isISOControl);
  }
}
