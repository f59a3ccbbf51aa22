package dev.faxreports.wire;

import dev.faxreports.model.DataCenter;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The request paths of the v1 API, below a data center's base URL. Every variable part is
 * percent-encoded as one path segment, so no value can reach another resource.
 */
public final class ApiPaths {
  private ApiPaths() {}

  /** {@code /{custNr}/fax/reports}: list, delete oldest, bulk actions. */
  public static String reports(String customerNumber) {
    return "/" + segment(customerNumber) + "/fax/reports";
  }

  /** {@code /{custNr}/fax/reports/{jobId}}: get one, delete one. */
  public static String report(String customerNumber, String jobId) {
    return reports(customerNumber) + "/" + segment(jobId);
  }

  /** The absolute URI of {@code path} at {@code dataCenter}. */
  public static URI at(DataCenter dataCenter, String path) {
    return URI.create(dataCenter.baseUri() + path);
  }

  /**
   * Percent-encodes one path segment (RFC 3986): everything but the unreserved characters, so
   * {@code /}, {@code ?}, {@code %} and {@code ..}'s meaning are all neutralised.
   */
  public static String segment(String value) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("a path segment must not be empty");
    }
    if (value.equals(".") || value.equals("..")) {
      return value.replace(".", "%2E");
    }
    StringBuilder encoded = new StringBuilder(value.length());
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == '~') {
        encoded.append((char) c);
      } else {
        encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
      }
    }
    return encoded.toString();
  }
}
