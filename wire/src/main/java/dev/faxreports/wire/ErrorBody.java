package dev.faxreports.wire;

/**
 * The service's error body {@code {"code": 401, "message": "..."}}; either part may be absent.
 * The code is kept as text whether it came as a number or a string.
 */
public record ErrorBody(String code, String message) {
  public static final ErrorBody NONE = new ErrorBody(null, null);
}
