package dev.faxreports.observe;

import dev.faxreports.error.FaxReportsException;
import dev.faxreports.model.DataCenter;
import java.time.Duration;

/**
 * How one attempt ended.
 *
 * @param dataCenter where it went
 * @param operation what it asked
 * @param attempt 1 for the first try, 2 for the first retry, …
 * @param outcome its kind: success or the kind of failure
 * @param status the HTTP status, or {@link FaxReportsException#NO_STATUS} (0) without an answer or
 *     when the transport does not report the status of its successes (see {@link
 *     dev.faxreports.port.ResponseSizes})
 * @param duration from sending to the answer or the failure
 * @param bytes the answer body's size as decoded (after gzip inflation), or -1 when unknown: the
 *     transport does not report it, or the attempt failed
 * @param failure why it failed, or {@code null} on success
 */
public record RequestFinished(
    DataCenter dataCenter, Operation operation, int attempt, Outcome outcome, int status,
    Duration duration, long bytes, FaxReportsException failure) {

  /** Whether {@link #bytes()} is known. */
  public boolean bytesKnown() {
    return bytes >= 0;
  }
}
