package org.custodiet.web.pages;

/** A request the pages cannot answer: an unknown id (404) or a malformed parameter (400). */
final class PageException extends RuntimeException {
  private final int status;

  PageException(int status, String message) {
    super(message);
    this.status = status;
  }

  int status() {
    return status;
  }

  static PageException notFound(String message) {
    return new PageException(404, message);
  }

  static PageException badRequest(String message) {
    return new PageException(400, message);
  }
}
