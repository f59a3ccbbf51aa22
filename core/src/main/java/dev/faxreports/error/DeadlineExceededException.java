package dev.faxreports.error;

import dev.faxreports.model.DataCenter;
import java.time.Duration;

/**
 * A call, retries included, did not finish within its overall deadline. Carries the last failure
 * as its cause, if there was one.
 */
public class DeadlineExceededException extends FaxReportsException {
  private static final long serialVersionUID = 1L;

  public DeadlineExceededException(DataCenter dataCenter, Duration deadline, Throwable lastFailure) {
    super("gave up after the overall deadline of " + deadline, dataCenter,
        lastFailure instanceof FaxReportsException f ? f.httpStatus() : NO_STATUS, null, null, lastFailure);
  }
}
