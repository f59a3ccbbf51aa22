package dev.faxreports.wire;

import dev.faxreports.error.FaxReportsException;
import dev.faxreports.error.TransportException;
import dev.faxreports.model.DataCenter;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/**
 * HTTP answers as core results, the same for every transport: a 2xx body decoded (a malformed one
 * is a {@link TransportException} naming the data center and status), anything else the matching
 * {@link FaxReportsException} with the server's {@code code} and {@code message}.
 */
public final class HttpAnswers {
  private HttpAnswers() {}

  public static boolean isSuccess(int status) {
    return status >= 200 && status < 300;
  }

  /** Decodes a 2xx body with {@code reader}, mapping a malformed body to a core error. */
  public static <T> T decode(DataCenter dataCenter, int status, byte[] body, Function<byte[], T> reader) {
    try {
      return reader.apply(body);
    } catch (MalformedBodyException e) {
      throw TransportException.malformedBody(dataCenter, status, e.getMessage(), e);
    }
  }

  /**
   * The core exception for a non-2xx answer. A redirect is reported, never followed: status
   * queries belong to the data center itself, and credentials must not go to another host.
   *
   * @param retryAfter the {@code Retry-After} header, or {@code null}
   * @param location the {@code Location} header, or {@code null}
   */
  public static FaxReportsException failure(
      DataCenter dataCenter, int status, byte[] body, String retryAfter, String location) {
    if (status >= 300 && status < 400) {
      return new FaxReportsException("redirect to " + (location == null ? "?" : location)
          + " not followed: status queries must go to the data center itself", dataCenter, status,
          null, null, null);
    }
    ErrorBody error = WireFormat.readError(body);
    return FaxReportsException.forStatus(dataCenter, status, error.code(), error.message(),
        parseRetryAfter(retryAfter, Clock.systemUTC()));
  }

  /**
   * A {@code Retry-After} header as a wait: delta-seconds or an HTTP date; {@code null} when absent
   * or unreadable (the backoff then decides), never negative.
   */
  public static Duration parseRetryAfter(String header, Clock clock) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String value = header.strip();
    try {
      long seconds = Long.parseLong(value);
      return seconds <= 0 ? Duration.ZERO : Duration.ofSeconds(seconds);
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration wait = Duration.between(clock.instant(), at.toInstant());
        return wait.isNegative() ? Duration.ZERO : wait;
      } catch (DateTimeParseException unreadable) {
        return null;
      }
    }
  }
}
