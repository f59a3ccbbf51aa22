package dev.faxreports.error;

/** Input that cannot be sent: raised before any request leaves. */
public class InvalidArgumentException extends FaxReportsException {
  private static final long serialVersionUID = 1L;

  public InvalidArgumentException(String message) {
    super(message);
  }
}
