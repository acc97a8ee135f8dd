package org.custodiet.web.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits sign-in attempts per client address, in memory: at most {@code max} in any {@code window}.
 * Guessing against one account is stopped by its lock-out; this stops one client guessing across
 * many accounts. Behind a reverse proxy every client shares the proxy's address.
 */
final class LoginThrottle {
  /** Beyond this many tracked addresses, those idle for a whole window are forgotten. */
  private static final int MAX_TRACKED = 10_000;

  private final int max;
  private final Duration window;
  private final Clock clock;
  private final Map<String, Deque<Instant>> attempts = new ConcurrentHashMap<>();

  LoginThrottle(int max, Duration window, Clock clock) {
    this.max = max;
    this.window = window;
    this.clock = clock;
  }

  /**
   * Records an attempt from {@code client}; returns 0 when it may go ahead, otherwise the seconds
   * until it may try again.
   */
  long attempt(String client) {
    Instant now = clock.instant();
    Instant horizon = now.minus(window);
    if (attempts.size() > MAX_TRACKED) {
      attempts.values().removeIf(d -> isIdle(d, horizon));
    }
    Deque<Instant> times = attempts.computeIfAbsent(client, c -> new ArrayDeque<>());
    synchronized (times) {
      while (!times.isEmpty() && !times.peekFirst().isAfter(horizon)) {
        times.pollFirst();
      }
      if (times.size() >= max) {
        return Math.max(1, Duration.between(horizon, times.peekFirst()).toSeconds());
      }
      times.addLast(now);
      return 0;
    }
  }

  private static boolean isIdle(Deque<Instant> times, Instant horizon) {
    synchronized (times) {
      return times.isEmpty() || !times.peekLast().isAfter(horizon);
    }
  }
}
