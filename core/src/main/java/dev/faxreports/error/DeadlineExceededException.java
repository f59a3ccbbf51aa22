package dev.faxreports.error;

import dev.faxreports.model.DataCenter;
import java.time.Duration;

/**
 * A call, retries included, did not finish within its overall deadline, or could not: the next
 * try would have come after it. Carries the last failure as its cause, if there was one.
 */
public class DeadlineExceededException extends FaxReportsException {
  private static final long serialVersionUID = 1L;

  public DeadlineExceededException(DataCenter dataCenter, Duration deadline, Throwable lastFailure) {
    this("gave up after the overall deadline of " + deadline, dataCenter, lastFailure);
  }

  private DeadlineExceededException(String message, DataCenter dataCenter, Throwable lastFailure) {
    super(message, dataCenter,
        lastFailure instanceof FaxReportsException f ? f.httpStatus() : NO_STATUS, null, null, lastFailure);
  }

  /**
   * The server's {@code Retry-After} asked for a longer wait than the deadline has left: the call
   * stops at once, and says so instead of claiming the deadline passed.
   *
   * @param retryAfter the wait the server asked for
   * @param left what was left of the deadline when the answer came
   * @param deadline the overall deadline of the call
   * @param lastFailure the answer that carried the {@code Retry-After}
   */
  public static DeadlineExceededException retryAfterBeyondDeadline(DataCenter dataCenter, Duration retryAfter,
      Duration left, Duration deadline, Throwable lastFailure) {
    return new DeadlineExceededException("gave up: the server asked to wait " + retryAfter
        + " before trying again, longer than the " + left + " left of the overall deadline of " + deadline,
        dataCenter, lastFailure);
  }
}
