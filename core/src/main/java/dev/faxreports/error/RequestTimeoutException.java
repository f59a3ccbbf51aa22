package dev.faxreports.error;

import dev.faxreports.model.DataCenter;
import java.time.Duration;

/** One attempt got no complete answer within the per-request timeout. */
public class RequestTimeoutException extends TransportException {
  private static final long serialVersionUID = 1L;

  public RequestTimeoutException(DataCenter dataCenter, Duration timeout) {
    super("no answer within the request timeout of " + timeout, dataCenter, NO_STATUS, true, null);
  }
}
