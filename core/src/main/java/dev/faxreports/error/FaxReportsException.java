package dev.faxreports.error;

import dev.faxreports.model.DataCenter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The root of every failure this library reports. Carries, where known, the data center that
 * failed, the HTTP status and the server's own {@code code} and {@code message}.
 *
 * <p>The message is always {@link Printable}: it is built from a server's text (its error message,
 * a {@code Location} header, job IDs, an HTTP library's words about a body) and ends up on
 * terminals and in logs, where a control character could forge lines or rewrite the screen. The
 * accessors {@link #serverCode()} and {@link #serverMessage()} keep the server's text as sent.
 */
public class FaxReportsException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Status of a failure that had no HTTP answer (connection refused, timeout, bad input). */
  public static final int NO_STATUS = 0;

  private final transient DataCenter dataCenter;
  private final int httpStatus;
  private final String serverCode;
  private final String serverMessage;
  private final transient Map<DataCenter, FaxReportsException> failures;

  /**
   * A failure of no particular data center and without an HTTP answer.
   *
   * @param message what went wrong
   */
  public FaxReportsException(String message) {
    this(message, null, NO_STATUS, null, null, null);
  }

  public FaxReportsException(
      String message,
      DataCenter dataCenter,
      int httpStatus,
      String serverCode,
      String serverMessage,
      Throwable cause) {
    // Escaped here, where every message of the family is built, so no subclass and no caller
    // (the drain's own messages name server job IDs) can let a server's control characters through.
    super(Printable.escape(describe(message, dataCenter, httpStatus, serverCode, serverMessage)), cause);
    this.dataCenter = dataCenter;
    this.httpStatus = httpStatus;
    this.serverCode = serverCode;
    this.serverMessage = serverMessage;
    this.failures = Map.of();
  }

  /**
   * A failure that stands for several data centers' failures: the message names each and the first
   * is the cause. Built only through {@link #withOthersSuppressed}, which adds the others as
   * {@linkplain #getSuppressed() suppressed}.
   *
   * @param what what failed, e.g. {@code "list: authentication failed in every data center"}
   * @param failures each failed data center's own failure, in the order of the data centers
   */
  FaxReportsException(String what, Map<DataCenter, FaxReportsException> failures) {
    super(Printable.escape(what + " — " + PerDataCenter.summarize(failures)),
        failures.values().iterator().next());
    this.dataCenter = null;
    this.httpStatus = PerDataCenter.singleStatus(failures);
    this.serverCode = null;
    this.serverMessage = null;
    this.failures = Collections.unmodifiableMap(new LinkedHashMap<>(failures));
  }

  /**
   * Every failure but the first (the cause) added as suppressed, once the exception is built: done
   * in the constructor, it would hand the exception to {@link Throwable#addSuppressed} before a
   * subclass's constructor ran (javac's {@code this-escape}).
   */
  static <T extends FaxReportsException> T withOthersSuppressed(T exception) {
    exception.failures().values().stream().skip(1).forEach(exception::addSuppressed);
    return exception;
  }

  /**
   * The exception a transport raises for a non-2xx answer: authentication, not found,
   * unavailable (retryable) or the general type, chosen by status.
   */
  public static FaxReportsException forStatus(
      DataCenter dataCenter, int httpStatus, String serverCode, String serverMessage,
      java.time.Duration retryAfter) {
    String what = "HTTP " + httpStatus;
    return switch (httpStatus) {
      case 401, 403 -> new AuthenticationException(what, dataCenter, httpStatus, serverCode, serverMessage);
      case 404 -> new NotFoundException(what, dataCenter, serverCode, serverMessage);
      case 502, 503, 504, 520 ->
          new ServiceUnavailableException(what, dataCenter, httpStatus, serverCode, serverMessage, retryAfter);
      default -> new FaxReportsException(what, dataCenter, httpStatus, serverCode, serverMessage, null);
    };
  }

  /**
   * Each data center's own failure when this exception stands for several (every data center
   * failed, or a {@link DataCenterFailureException}), in the order of the data centers; empty for
   * the failure of one data center or of none.
   *
   * @return the failures by data center, unmodifiable
   */
  public Map<DataCenter, FaxReportsException> failures() {
    return failures;
  }

  /** The data center that failed, if the failure belongs to one. */
  public Optional<DataCenter> dataCenter() {
    return Optional.ofNullable(dataCenter);
  }

  /** The HTTP status, or {@link #NO_STATUS} when no HTTP answer was received. */
  public int httpStatus() {
    return httpStatus;
  }

  /**
   * The HTTP status, if an HTTP answer was received.
   *
   * @return the status, or empty
   */
  public OptionalInt httpStatusIfPresent() {
    return httpStatus == NO_STATUS ? OptionalInt.empty() : OptionalInt.of(httpStatus);
  }

  /** The {@code code} of the server's error body, if it sent one, as sent: escape it to print it. */
  public Optional<String> serverCode() {
    return Optional.ofNullable(serverCode);
  }

  /**
   * The {@code message} of the server's error body, if it sent one, as sent: {@link
   * Printable#escape escape} it to print it.
   */
  public Optional<String> serverMessage() {
    return Optional.ofNullable(serverMessage);
  }


  private static String describe(
      String message, DataCenter dataCenter, int status, String code, String serverMessage) {
    StringBuilder text = new StringBuilder();
    if (dataCenter != null) {
      text.append(dataCenter.name()).append(": ");
    }
    text.append(message);
    if (status != NO_STATUS && !message.contains("HTTP " + status)) {
      text.append(" (HTTP ").append(status).append(')');
    }
    if (code != null || serverMessage != null) {
      text.append(" — server said");
      if (code != null) {
        text.append(" code=").append(code);
      }
      if (serverMessage != null) {
        text.append(" message=\"").append(serverMessage).append('"');
      }
    }
    return text.toString();
  }
}
