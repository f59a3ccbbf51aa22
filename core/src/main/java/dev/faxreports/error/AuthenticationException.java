package dev.faxreports.error;

import dev.faxreports.model.DataCenter;

/** The service rejected the credentials (HTTP 401/403). Never retried. */
public class AuthenticationException extends FaxReportsException {
  private static final long serialVersionUID = 1L;

  public AuthenticationException(
      String message, DataCenter dataCenter, int httpStatus, String serverCode, String serverMessage) {
    super("authentication failed: " + message, dataCenter, httpStatus, serverCode, serverMessage, null);
  }
}
