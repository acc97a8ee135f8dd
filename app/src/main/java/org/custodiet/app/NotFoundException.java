package org.custodiet.app;

/** A country, company or source asked for by name that the knowledge base does not hold. */
final class NotFoundException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  NotFoundException(String message) {
    super(message);
  }
}
