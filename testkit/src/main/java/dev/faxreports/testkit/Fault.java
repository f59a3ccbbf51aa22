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
 * @param kind what happens
 * @param status the HTTP status, for {@link Kind#STATUS} and {@link Kind#HTML_PAGE}
 * @param retryAfter the {@code Retry-After} to send with a status, or {@code null}
 * @param delay how long to wait before answering, for {@link Kind#DELAY}
 */
public record Fault(Kind kind, int status, Duration retryAfter, Duration delay) {

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
    HTML_PAGE
  }

  public Fault {
    Objects.requireNonNull(kind, "kind");
    if ((kind == Kind.STATUS || kind == Kind.HTML_PAGE) && (status < 300 || status > 599)) {
      throw new IllegalArgumentException("a failing status is 3xx to 5xx, was " + status);
    }
    if (kind == Kind.DELAY && (delay == null || delay.isNegative())) {
      throw new IllegalArgumentException("a delay needs a duration");
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

  /** Whether the service performs the operation despite the fault. */
  public boolean serviceActs() {
    return kind == Kind.DELAY || kind == Kind.CLOSE_MID_BODY || kind == Kind.TRUNCATED_JSON;
  }
}
