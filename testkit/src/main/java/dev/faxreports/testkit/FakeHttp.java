package dev.faxreports.testkit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Small HTTP helpers of the fake server. */
final class FakeHttp {
  private FakeHttp() {}

  static String reasonPhrase(int status) {
    return switch (status) {
      case 400 -> "BAD_REQUEST: Client authorization is missing";
      case 401 -> "AUTHENTICATION_FAILURE: Bad or missing authentication";
      case 404 -> "NOT_FOUND: No job report available for the given jobId";
      case 405 -> "Method not allowed";
      case 500 -> "INTERNAL_SERVER_ERROR: Cannot query jobReport";
      case 502 -> "Bad Gateway";
      case 503 -> "SERVICE_UNAVAILABLE: The server cannot handle the request";
      case 520 -> "UNKNOWN_ERROR: Unknown problem with the backend adaptor";
      default -> "HTTP " + status;
    };
  }

  /** Decodes a percent-encoded path segment as UTF-8; '+' stays '+' (it is not a space in paths). */
  static String decodeSegment(String raw) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        int high = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
        int low = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 2), 16) : -1;
        if (high < 0 || low < 0) {
          throw new IllegalArgumentException("bad percent-encoding in " + raw);
        }
        bytes.write(high * 16 + low);
        i += 2;
      } else {
        byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(utf8, 0, utf8.length);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  static String html(int status) {
    return "<!DOCTYPE html><html><head><title>" + status + " " + reasonPhrase(status)
        + "</title></head><body><h1>" + status + " " + reasonPhrase(status)
        + "</h1><hr><p>nginx</p></body></html>";
  }
}
