package org.custodiet.store.webhook;

/**
 * One event for one webhook in the outbox: its state ({@code pending}, {@code delivered}, {@code
 * failed} after the last attempt, {@code cancelled} when the webhook was removed), the attempts so
 * far, the last HTTP status or error, and the exact body sent.
 */
public record Delivery(
    long id,
    long webhookId,
    String event,
    String claimId,
    String status,
    int attempts,
    Integer lastHttpStatus,
    String lastError,
    long nextAttemptMillis,
    Long deliveredMillis,
    String payload) {}
