package dev.faxreports.error;

import dev.faxreports.model.DataCenter;
import java.util.Map;

/**
 * The service rejected the credentials (HTTP 401/403). Never retried. Thrown by a call when every
 * data center rejected them; {@link #failures()} then holds each data center's answer.
 */
public class AuthenticationException extends FaxReportsException {
  private static final long serialVersionUID = 1L;

  /**
   * One data center's rejection.
   *
   * @param message what was answered, e.g. {@code "HTTP 401"}
   * @param dataCenter the data center that answered
   * @param httpStatus 401 or 403
   * @param serverCode the {@code code} of the server's error body, or null
   * @param serverMessage the {@code message} of the server's error body, or null
   */
  public AuthenticationException(
      String message, DataCenter dataCenter, int httpStatus, String serverCode, String serverMessage) {
    super("authentication failed: " + message, dataCenter, httpStatus, serverCode, serverMessage, null);
  }

  private AuthenticationException(String operation, Map<DataCenter, FaxReportsException> failures) {
    super(operation + ": authentication failed in every data center", failures);
  }

  /**
   * Every data center rejected the credentials: the first rejection is the cause, the others are
   * suppressed.
   *
   * @param operation the call, e.g. {@code "list"}
   * @param failures each data center's rejection
   * @return the exception
   */
  public static AuthenticationException inEveryDataCenter(
      String operation, Map<DataCenter, FaxReportsException> failures) {
    return withOthersSuppressed(new AuthenticationException(operation, failures));
  }
}
