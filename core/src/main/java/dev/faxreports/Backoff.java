package dev.faxreports;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * The one back-off policy: after failures in a row, wait {@code first}, then {@code multiplier}
 * times as long each time, never longer than {@code cap}; optionally jittered to between half and
 * all of that, so that clients do not retry in lockstep. The library's retries ({@link
 * RetryPolicy}), the command-line tool's {@code watch} and the Kafka connector's listings and
 * deletes all wait by it, each with its own first wait and cap.
 *
 * @param first the wait after the first failure
 * @param cap the longest wait (if shorter than {@code first}, every wait is {@code cap})
 * @param multiplier how much each wait grows, at least 1
 */
public record Backoff(Duration first, Duration cap, double multiplier) {

  public Backoff {
    if (first == null || first.isNegative() || cap == null || cap.isNegative()) {
      throw new IllegalArgumentException("a back-off needs a first wait and a cap, zero or positive");
    }
    if (!(multiplier >= 1.0)) {
      throw new IllegalArgumentException("multiplier must be at least 1, was " + multiplier);
    }
  }

  /** Waits that double: {@code first}, twice that, four times, … up to {@code cap}. */
  public static Backoff doubling(Duration first, Duration cap) {
    return new Backoff(first, cap, 2.0);
  }

  /** The wait after {@code failuresInARow} (from 1) failures, exactly. */
  public Duration after(int failuresInARow) {
    double grown = first.toNanos() * Math.pow(multiplier, Math.max(0, failuresInARow - 1));
    return Duration.ofNanos((long) Math.min(grown, cap.toNanos()));
  }

  /** {@link #after} jittered to between half and all of it. */
  public Duration jitteredAfter(int failuresInARow, RandomGenerator random) {
    return Duration.ofNanos((long) (after(failuresInARow).toNanos() * (0.5 + 0.5 * random.nextDouble())));
  }
}
