package org.custodiet.store.curation;

/**
 * A decision the store refuses: the candidate or claim does not exist, someone else decided it
 * first, or a field is malformed (then {@link #field()} names it). Nothing of the decision is
 * written.
 */
public final class CurationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why the decision was refused. */
  public enum Kind {
    NOT_FOUND,
    CONFLICT,
    INVALID
  }

  private final Kind kind;
  private final String field;

  private CurationException(Kind kind, String field, String message) {
    super(message, null, false, false);
    this.kind = kind;
    this.field = field;
  }

  static CurationException notFound(String message) {
    return new CurationException(Kind.NOT_FOUND, null, message);
  }

  static CurationException conflict(String message) {
    return new CurationException(Kind.CONFLICT, null, message);
  }

  static CurationException invalid(String field, String message) {
    return new CurationException(Kind.INVALID, field, field + ": " + message);
  }

  public Kind kind() {
    return kind;
  }

  /** The field at fault for {@link Kind#INVALID}, else null. */
  public String field() {
    return field;
  }
}
