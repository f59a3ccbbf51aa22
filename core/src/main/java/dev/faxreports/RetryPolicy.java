package dev.faxreports;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How idempotent calls are retried: up to {@code maxAttempts} tries in all, waiting an exponential
 * backoff with jitter between them, and never less than the server's {@code Retry-After}.
 *
 * <p>Only temporary failures are retried (503, 520, gateway 502/504, connection failures,
 * timeouts, bodies cut short) and only for idempotent calls: list, get, bulk get, delete by ID.
 * Delete-oldest is retried only when the request certainly never left (the connection could not be
 * opened); 400, 401, 403 and 404 never are.
 *
 * @param maxAttempts tries in all, at least 1 (1 means no retry)
 * @param initialBackoff the wait before the second try, before jitter
 * @param maxBackoff the longest wait between tries, before jitter
 * @param multiplier how much each wait grows, at least 1
 */
public record RetryPolicy(
    int maxAttempts, Duration initialBackoff, Duration maxBackoff, double multiplier) {

  /** 4 tries, waiting about 250 ms, 500 ms, 1 s (each jittered to 50–100 %). */
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(4, Duration.ofMillis(250), Duration.ofSeconds(8), 2.0);

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
    }
    if (initialBackoff == null || initialBackoff.isNegative()) {
      throw new IllegalArgumentException("initialBackoff must be zero or positive");
    }
    if (maxBackoff == null || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException("maxBackoff must be at least initialBackoff");
    }
    if (!(multiplier >= 1.0)) {
      throw new IllegalArgumentException("multiplier must be at least 1, was " + multiplier);
    }
  }

  /** No retries at all. */
  public static RetryPolicy noRetries() {
    return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 1.0);
  }

  /** The default backoff with another number of tries. */
  public RetryPolicy withMaxAttempts(int attempts) {
    return new RetryPolicy(attempts, initialBackoff, maxBackoff, multiplier);
  }

  /**
   * The wait before try number {@code attempt} (2 for the first retry): the exponential backoff,
   * jittered to between half and all of it so that clients do not retry in lockstep, and at least
   * {@code retryAfter} when the server sent one.
   */
  public Duration delayBefore(int attempt, Duration retryAfter, RandomGenerator random) {
    Duration backoff = backoff().jitteredAfter(attempt - 1, random);
    return retryAfter != null && retryAfter.compareTo(backoff) > 0 ? retryAfter : backoff;
  }

  /** The waits between tries, before jitter and {@code Retry-After}. */
  public Backoff backoff() {
    return new Backoff(initialBackoff, maxBackoff, multiplier);
  }
}
