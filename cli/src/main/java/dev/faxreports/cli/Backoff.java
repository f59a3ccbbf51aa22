package dev.faxreports.cli;

import java.time.Duration;

/**
 * How long {@code watch} waits after failing rounds: from the shorter of its interval and 5 s,
 * doubling with each failure in a row, never longer than the cap. A service that retried at its
 * full interval would leave a short outage unhealed for an hour; one that retried at once would
 * hammer a data center that is down.
 */
record Backoff(Duration first, Duration cap) {

  static final Duration FIRST = Duration.ofSeconds(5);

  static Backoff of(Duration every, Duration cap) {
    Duration first = every.compareTo(FIRST) < 0 ? every : FIRST;
    return new Backoff(first, cap.compareTo(first) < 0 ? first : cap);
  }

  /** The wait after {@code failuresInARow} (from 1) failed rounds. */
  Duration after(int failuresInARow) {
    Duration delay = first;
    for (int failure = 1; failure < failuresInARow && delay.compareTo(cap) < 0; failure++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(cap) < 0 ? delay : cap;
  }
}
