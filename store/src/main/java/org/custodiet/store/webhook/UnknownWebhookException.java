package org.custodiet.store.webhook;

/** A webhook id that names no active webhook. */
public final class UnknownWebhookException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UnknownWebhookException(long id) {
    super("no active webhook with id " + id);
  }
}
