package org.custodiet.store.release;

/** A release name that names no release. */
public final class UnknownReleaseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UnknownReleaseException(String name) {
    super("unknown release '" + name + "'");
  }
}
