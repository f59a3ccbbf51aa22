package dev.faxreports.wire;

import dev.faxreports.error.FaxReportsException;
import dev.faxreports.error.ProxyAuthenticationException;
import dev.faxreports.error.RequestTimeoutException;
import dev.faxreports.error.TlsFailureException;
import dev.faxreports.error.TransportException;
import dev.faxreports.model.DataCenter;
import dev.faxreports.model.UserInfo;
import dev.faxreports.port.ProxySettings;
import dev.faxreports.port.TlsMaterial;
import dev.faxreports.port.TransportSettings;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * HTTP answers as core results, the same for every transport: a 2xx body decoded (a malformed one
 * is a {@link TransportException} naming the data center and status), anything else the matching
 * {@link FaxReportsException} with the server's {@code code} and {@code message}.
 */
public final class HttpAnswers {
  private HttpAnswers() {}

  /**
   * The proxy's 407: its credentials refused, or none configured — the same words from every
   * transport, naming the proxy without its credentials.
   */
  public static ProxyAuthenticationException proxyRefused(DataCenter dataCenter, ProxySettings proxy) {
    return new ProxyAuthenticationException(dataCenter, proxy == null ? "(none configured)" : proxy.uri().toString(),
        proxy != null && proxy.credentials() != null);
  }

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
      // The core exception escapes control characters; a Location's user information is masked too.
      return new FaxReportsException("redirect to " + (location == null ? "?" : UserInfo.redacted(location))
          + " not followed: status queries must go to the data center itself", dataCenter, status,
          null, null, null);
    }
    ErrorBody error = WireFormat.readError(body);
    if (status == 407) {
      // A proxy's 407 is the transport's (ProxyTunnelException, or a refused CONNECT); an answer
      // carries one only from the data center itself, inside the tunnel or without a proxy.
      return new FaxReportsException("HTTP 407 Proxy Authentication Required from the data center itself (not from"
          + " a proxy): it expects something no client of this API sends", dataCenter, status,
          error.code(), error.message(), null);
    }
    return FaxReportsException.forStatus(dataCenter, status, error.code(), error.message(),
        parseRetryAfter(retryAfter, Clock.systemUTC()));
  }

  /**
   * The core exception for a request that got no usable HTTP answer, whatever an HTTP library
   * failed with, for a transport without a proxy or TLS material of its own: see {@link
   * #noAnswer(DataCenter, Throwable, TransportSettings, TlsMaterial)}.
   */
  public static FaxReportsException noAnswer(DataCenter dataCenter, Throwable error, Duration requestTimeout) {
    return noAnswer(dataCenter, error, requestTimeout, null, null);
  }

  /**
   * The core exception for a request that got no usable HTTP answer, whatever an HTTP library
   * failed with. In this order:
   *
   * <ul>
   *   <li>a core exception anywhere in the cause chain (from an error decoder, say) passes through;
   *   <li>through a proxy, a {@link ProxyTunnelException} names the proxy and what it did (see
   *       {@link ProxyFailures});
   *   <li>a failed TLS handshake is a {@link TlsFailureException} (not retried: the certificate will
   *       not change);
   *   <li>an unknown host, a refused or timed-out connect means the request never left; through a
   *       proxy, it is the proxy that could not be reached;
   *   <li>a timeout is a request timeout;
   *   <li>anything else is a connection lost after the request may have been sent — unless the
   *       server had asked for a client certificate this client could not give ({@link
   *       TlsMaterial#clientCertificateRefusal}): then it refused the handshake, though its alert
   *       was lost on the way (TLS 1.2 through a relay), and that is not retried either.
   * </ul>
   *
   * <p>Messages name the host and port. The cause kept is a JDK exception, so no HTTP library's
   * types escape.
   *
   * @param settings the transport's settings: which data centers go through which proxy
   * @param tls the transport's TLS material, or {@code null}
   */
  public static FaxReportsException noAnswer(
      DataCenter dataCenter, Throwable error, TransportSettings settings, TlsMaterial tls) {
    return noAnswer(dataCenter, error, settings.requestTimeout(),
        settings.proxies(dataCenter.baseUri()) ? settings.proxy() : null, tls);
  }

  private static FaxReportsException noAnswer(
      DataCenter dataCenter, Throwable error, Duration requestTimeout, ProxySettings proxy, TlsMaterial tls) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof FaxReportsException known) {
        return known;
      }
      if (proxy != null && cause instanceof ProxyTunnelException tunnel) {
        return ProxyFailures.of(dataCenter, proxy, tunnel);
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    Optional<TlsFailureException> tlsFailure = FailureCauses.tls(dataCenter, error);
    if (tlsFailure.isPresent()) {
      return tlsFailure.get();
    }
    String connectFailure = FailureCauses.connectFailure(error, proxy != null);
    if (connectFailure != null) {
      return new TransportException("could not connect to " + (proxy == null ? FailureCauses.hostAndPort(dataCenter)
          : "the proxy " + proxy.uri() + " (for " + FailureCauses.hostAndPort(dataCenter) + ")") + ": "
          + connectFailure, dataCenter, FaxReportsException.NO_STATUS, false, jdkCause(innermost(error)));
    }
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof java.net.http.HttpTimeoutException || cause instanceof TimeoutException) {
        return new RequestTimeoutException(dataCenter, requestTimeout);
      }
      if (cause instanceof CancellationException) {
        return new TransportException("request cancelled", dataCenter, FaxReportsException.NO_STATUS, true, cause);
      }
    }
    Throwable innermost = innermost(error);
    String refusal = tls == null ? null : tls.clientCertificateRefusal(dataCenter.baseUri());
    if (refusal != null) {
      return new TlsFailureException(dataCenter, dataCenter.baseUri().getHost(), TlsFailureException.Problem.HANDSHAKE_REFUSED,
          refusal + "; then the connection ended: " + describe(innermost), jdkCause(innermost));
    }
    return new TransportException("connection to " + FailureCauses.hostAndPort(dataCenter) + " lost: "
        + describe(innermost), dataCenter, FaxReportsException.NO_STATUS, true, jdkCause(innermost));
  }

  private static String describe(Throwable cause) {
    String message = cause.getMessage();
    return message == null ? cause.getClass().getSimpleName() : message;
  }

  private static Throwable innermost(Throwable error) {
    Throwable cause = error;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }

  /** The exception itself if the JDK defines it, else an IOException with its words. */
  private static Throwable jdkCause(Throwable cause) {
    if (cause.getClass().getName().startsWith("java.")) {
      return cause;
    }
    String message = cause.getMessage();
    return new IOException(cause.getClass().getSimpleName() + (message == null ? "" : ": " + message));
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

