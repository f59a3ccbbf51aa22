package dev.faxreports.error;

import dev.faxreports.model.DataCenter;

/**
 * No usable HTTP answer: connection refused or reset, a timeout, or a body that is truncated or not
 * the expected JSON. {@link #requestMaySeeServer()} tells whether the server may have acted on the
 * request, which decides whether a non-idempotent call may be repeated.
 */
public class TransportException extends FaxReportsException {
  private static final long serialVersionUID = 1L;

  private final boolean requestMaySeeServer;

  public TransportException(
      String message, DataCenter dataCenter, int httpStatus, boolean requestMaySeeServer, Throwable cause) {
    super(message, dataCenter, httpStatus, null, null, cause);
    this.requestMaySeeServer = requestMaySeeServer;
  }

  /** The connection could not be opened: the request certainly never reached the server. */
  public static TransportException connectFailed(DataCenter dataCenter, Throwable cause) {
    return new TransportException(
        "could not connect: " + describe(cause), dataCenter, NO_STATUS, false, cause);
  }

  /** The connection broke after the request may have been sent. */
  public static TransportException connectionLost(DataCenter dataCenter, Throwable cause) {
    return new TransportException(
        "connection lost: " + describe(cause), dataCenter, NO_STATUS, true, cause);
  }

  /** A 2xx answer whose body could not be read as the expected JSON. */
  public static TransportException malformedBody(
      DataCenter dataCenter, int httpStatus, String detail, Throwable cause) {
    return new TransportException(
        "malformed response body: " + detail, dataCenter, httpStatus, true, cause);
  }

  /** Whether the server may have received (and acted on) the request. */
  public boolean requestMaySeeServer() {
    return requestMaySeeServer;
  }

  private static String describe(Throwable cause) {
    if (cause == null) {
      return "unknown cause";
    }
    String message = cause.getMessage();
    return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
