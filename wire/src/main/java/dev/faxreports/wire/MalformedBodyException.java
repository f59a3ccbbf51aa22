package dev.faxreports.wire;

/** A body that is not the JSON the v1 API sends: truncated, HTML, or the wrong shape. */
public final class MalformedBodyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MalformedBodyException(String message, Throwable cause) {
    super(message, cause);
  }
}
