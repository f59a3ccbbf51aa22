package dev.faxreports.cli.watch;

import java.time.Instant;

/**
 * What {@code /health} says about a {@code watch}: healthy (200) while the last round succeeded,
 * while the first round is still running, and while failures are being retried at growing
 * intervals; unhealthy (503) once the back-off has grown to its cap — the failure is not a passing
 * one and someone should look. The text always says which, when and why.
 */
final class WatchHealth {

  /** The answer to a health check. */
  record Status(boolean healthy, String text) {}

  private Instant lastSuccess;
  private Instant failingSince;
  private String failure;
  private Instant nextAttempt;
  private boolean capped;

  synchronized void succeeded(Instant at) {
    lastSuccess = at;
    failingSince = null;
    failure = null;
    nextAttempt = null;
    capped = false;
  }

  /** A failed round: why, when the next attempt is, and whether the back-off is at its cap. */
  synchronized void failed(Instant at, String reason, Instant next, boolean atCap) {
    if (failingSince == null) {
      failingSince = at;
    }
    failure = reason;
    nextAttempt = next;
    capped = atCap;
  }

  /** When a round last succeeded, in seconds since the epoch; 0 before the first. */
  synchronized long lastSuccessEpochSecond() {
    return lastSuccess == null ? 0 : lastSuccess.getEpochSecond();
  }

  synchronized Status status() {
    if (failure == null) {
      return lastSuccess == null
          ? new Status(true, "starting: the first round is running")
          : new Status(true, "ok: the last round succeeded at " + lastSuccess);
    }
    String since = "failing since " + failingSince + (lastSuccess == null ? "" : " (last success " + lastSuccess + ")");
    return capped
        ? new Status(false, since + ": " + failure)
        : new Status(true, "retrying at " + nextAttempt + ", " + since + ": " + failure);
  }
}
