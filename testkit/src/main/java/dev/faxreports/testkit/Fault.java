package dev.faxreports.testkit;

import java.time.Duration;
import java.util.Objects;

/**
 * Something that goes wrong with one call. The HTTP fake server produces it on the wire; the
 * in-memory fake fails with the exception a correct transport would map it to, so both behave
 * alike under the contract suite.
 *
 * <p>Whether the service acted on the request: not for a status, an HTML page or a connection
 * closed before the response; yes for a body cut short or truncated (the answer was lost on the
 * way back), and yes after a delay.
 *
 * <p><b>Hostile answers</b> ({@link #oversizedBody}, {@link #endlessBody}, {@link #gzipBomb}) come
 * from a broken or hostile server or proxy instead of the service, which does not act on the
 * request. A correct transport reads no more than its {@code maxResponseBytes} of them and fails
 * the request with a {@link dev.faxreports.error.ResponseTooLargeException}; the in-memory fake
 * fails with that exception right away, naming {@link
 * dev.faxreports.port.TransportSettings#DEFAULT_MAX_RESPONSE_BYTES} as the limit (so give an
 * oversized body more bytes than the transport under test allows). {@link #gzipEncoded} is no
 * failure at all: the service's correct answer, gzip-compressed, which every transport must decode.
 *
 * @param kind what happens
 * @param status the HTTP status, for {@link Kind#STATUS}, {@link Kind#HTML_PAGE} and {@link
 *     Kind#OVERSIZED_BODY}
 * @param retryAfter the {@code Retry-After} to send with a status, or {@code null}
 * @param delay how long to wait before answering, for {@link Kind#DELAY}; how long the server
 *     keeps streaming at most, for {@link Kind#ENDLESS_BODY}
 * @param bodyBytes the size of the body, for {@link Kind#OVERSIZED_BODY}
 */
public record Fault(Kind kind, int status, Duration retryAfter, Duration delay, long bodyBytes) {

  /**
   * How long an {@link #endlessBody()} streams at most when the client does not hang up: long
   * enough for any test to see the client give up first, short enough that a broken client's test
   * ends by itself.
   */
  public static final Duration ENDLESS_BODY_LIMIT = Duration.ofSeconds(30);

  /** What a {@link #gzipBomb()} inflates to: 1 GiB of JSON, from about 1 MB on the wire. */
  public static final long GZIP_BOMB_INFLATED_BYTES = 1L << 30;

  /** What goes wrong. */
  public enum Kind {
    /** An error status with the service's JSON error body. */
    STATUS,
    /** The answer comes late (then normally). */
    DELAY,
    /** The connection is closed before any response; the request was not acted on. */
    CLOSE_BEFORE_RESPONSE,
    /** The request is acted on, the body is cut off half way and the connection closed. */
    CLOSE_MID_BODY,
    /** The request is acted on, a complete 200 answer carries half the JSON. */
    TRUNCATED_JSON,
    /** A proxy's HTML error page instead of the service's JSON. */
    HTML_PAGE,
    /** A complete, valid-looking JSON listing of {@code bodyBytes} bytes, with its Content-Length. */
    OVERSIZED_BODY,
    /** A 200 answer whose chunked JSON body never ends, until the client hangs up or time is up. */
    ENDLESS_BODY,
    /** A 200 answer with {@code Content-Encoding: gzip}, about 1 MB, inflating to 1 GiB of JSON. */
    GZIP_BOMB,
    /** The service's correct answer, sent with {@code Content-Encoding: gzip}. */
    GZIP_ENCODED
  }

  /** A fault without a body size, as every kind but {@link Kind#OVERSIZED_BODY} is. */
  public Fault(Kind kind, int status, Duration retryAfter, Duration delay) {
    this(kind, status, retryAfter, delay, 0);
  }

  public Fault {
    Objects.requireNonNull(kind, "kind");
    if ((kind == Kind.STATUS || kind == Kind.HTML_PAGE) && (status < 300 || status > 599)) {
      throw new IllegalArgumentException("a failing status is 3xx to 5xx, was " + status);
    }
    if (kind == Kind.DELAY && (delay == null || delay.isNegative())) {
      throw new IllegalArgumentException("a delay needs a duration");
    }
    if (kind == Kind.ENDLESS_BODY && (delay == null || delay.isZero() || delay.isNegative())) {
      throw new IllegalArgumentException("an endless body needs a positive time limit");
    }
    if (kind == Kind.OVERSIZED_BODY && (status < 200 || status > 599 || bodyBytes < 1)) {
      throw new IllegalArgumentException(
          "an oversized body needs a status of 200 to 599 and a size, was " + status + ", " + bodyBytes);
    }
    if (retryAfter != null && (retryAfter.isNegative() || retryAfter.toNanos() % 1_000_000_000L != 0)) {
      throw new IllegalArgumentException("Retry-After is sent in whole seconds, was " + retryAfter);
    }
  }

  public static Fault status(int status) {
    return new Fault(Kind.STATUS, status, null, null);
  }

  /** 503 SERVICE_UNAVAILABLE. */
  public static Fault unavailable() {
    return status(503);
  }

  /** 503 with a {@code Retry-After}, in whole seconds as the header has it. */
  public static Fault unavailable(Duration retryAfter) {
    return new Fault(Kind.STATUS, 503, retryAfter, null);
  }

  /** 520 UNKNOWN_ERROR. */
  public static Fault unknownError() {
    return status(520);
  }

  /** 401 AUTHENTICATION_FAILURE. */
  public static Fault unauthorized() {
    return status(401);
  }

  public static Fault delay(Duration delay) {
    return new Fault(Kind.DELAY, 0, null, delay);
  }

  public static Fault connectionClosedBeforeResponse() {
    return new Fault(Kind.CLOSE_BEFORE_RESPONSE, 0, null, null);
  }

  public static Fault connectionClosedMidBody() {
    return new Fault(Kind.CLOSE_MID_BODY, 0, null, null);
  }

  public static Fault truncatedJson() {
    return new Fault(Kind.TRUNCATED_JSON, 0, null, null);
  }

  /** A gateway's HTML page with this status, e.g. 502. */
  public static Fault htmlErrorPage(int status) {
    return new Fault(Kind.HTML_PAGE, status, null, null);
  }

  /**
   * A 200 answer with a valid-looking JSON listing of {@code bytes} bytes (repeated sample
   * reports), its Content-Length announced up front.
   */
  public static Fault oversizedBody(long bytes) {
    return oversizedBody(200, bytes);
  }

  /** An answer with this status (an error status too) and a JSON body of {@code bytes} bytes. */
  public static Fault oversizedBody(int status, long bytes) {
    return new Fault(Kind.OVERSIZED_BODY, status, null, null, bytes);
  }

  /**
   * A 200 answer whose chunked JSON body streams as fast as the client reads, never ending: the
   * server stops when the client hangs up, or after {@link #ENDLESS_BODY_LIMIT}.
   */
  public static Fault endlessBody() {
    return endlessBody(ENDLESS_BODY_LIMIT);
  }

  /** Like {@link #endlessBody()}, the server giving up after {@code limit}. */
  public static Fault endlessBody(Duration limit) {
    return new Fault(Kind.ENDLESS_BODY, 200, null, limit);
  }

  /**
   * A 200 answer of about 1 MB with {@code Content-Encoding: gzip} that inflates to {@link
   * #GZIP_BOMB_INFLATED_BYTES} of valid JSON (a listing padded with whitespace).
   */
  public static Fault gzipBomb() {
    return new Fault(Kind.GZIP_BOMB, 200, null, null);
  }

  /** The correct answer, gzip-compressed with {@code Content-Encoding: gzip}: no failure. */
  public static Fault gzipEncoded() {
    return new Fault(Kind.GZIP_ENCODED, 0, null, null);
  }

  /** Whether the service performs the operation despite the fault. */
  public boolean serviceActs() {
    return kind == Kind.DELAY || kind == Kind.CLOSE_MID_BODY || kind == Kind.TRUNCATED_JSON
        || kind == Kind.GZIP_ENCODED;
  }

  /** Whether a correct transport fails this request for reading too much (and reads no more). */
  public boolean isTooLarge() {
    return kind == Kind.OVERSIZED_BODY || kind == Kind.ENDLESS_BODY || kind == Kind.GZIP_BOMB;
  }
}
