package dev.faxreports.error;

import dev.faxreports.model.DataCenter;
import java.time.Duration;
import java.util.Optional;

/**
 * A temporary failure of the service (503, 520, or a gateway's 502/504): idempotent calls are
 * retried, waiting at least the server's {@code Retry-After} when it sent one.
 */
public class ServiceUnavailableException extends FaxReportsException {
  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  public ServiceUnavailableException(
      String message,
      DataCenter dataCenter,
      int httpStatus,
      String serverCode,
      String serverMessage,
      Duration retryAfter) {
    super("service unavailable: " + message, dataCenter, httpStatus, serverCode, serverMessage, null);
    this.retryAfter = retryAfter;
  }

  /** How long the server asked us to wait before trying again. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
