package dev.faxreports.wire;

import java.util.function.UnaryOperator;

/**
 * What a data center answered, whatever its status, as {@link HttpTransport} maps it: the status,
 * the two headers the mapping reads, and the body, read within {@code maxResponseBytes} and
 * inflated ({@link BoundedBody}, {@link BoundedBodyHandler}).
 *
 * @param status the HTTP status
 * @param body the body, empty when there was none
 * @param retryAfter the {@code Retry-After} header, or {@code null}
 * @param location the {@code Location} header, or {@code null}
 */
public record ApiAnswer(int status, byte[] body, String retryAfter, String location) {

  public ApiAnswer {
    body = body == null ? new byte[0] : body;
  }

  /**
   * An answer whose headers an HTTP library looks up by name ({@code null} when absent); the
   * names asked for are spelt as in RFC 9110, so a case-sensitive lookup works too.
   */
  public static ApiAnswer of(int status, byte[] body, UnaryOperator<String> header) {
    return new ApiAnswer(status, body, header.apply("Retry-After"), header.apply("Location"));
  }
}
