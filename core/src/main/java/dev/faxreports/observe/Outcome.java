package dev.faxreports.observe;

import dev.faxreports.error.AuthenticationException;
import dev.faxreports.error.DeadlineExceededException;
import dev.faxreports.error.FaxReportsException;
import dev.faxreports.error.RequestTimeoutException;
import dev.faxreports.error.ResponseTooLargeException;
import dev.faxreports.error.ServiceUnavailableException;
import dev.faxreports.error.TlsFailureException;
import dev.faxreports.error.TransportException;

/**
 * How one request ended, in a handful of kinds an operator can alert on. The mapping from the
 * exception family lives here, once, so every adapter (metrics, traces, logs) agrees on it.
 */
public enum Outcome {
  /** A 2xx answer that was read. */
  SUCCESS("success"),
  /** A 3xx or 4xx answer other than 401/403/407 — a 404 included (the job is not there). */
  CLIENT_ERROR("client.error"),
  /**
   * A 5xx answer (503/520 and gateways' 502/504 included), or an answer larger than {@code
   * maxResponseBytes}: the server sent something unusable, not the network lost it.
   */
  SERVER_ERROR("server.error"),
  /** No complete answer within the request timeout or the call's deadline. */
  TIMEOUT("timeout"),
  /** No usable answer: connection refused or lost, a truncated or malformed body. */
  CONNECTION("connection"),
  /** The TLS handshake failed (untrusted certificate, wrong host, refused handshake). */
  TLS("tls"),
  /** Credentials refused, by the service (401/403) or by the proxy (407). */
  AUTH("auth");

  private final String tagValue;

  Outcome(String tagValue) {
    this.tagValue = tagValue;
  }

  /** The value for a metric tag or span attribute, e.g. {@code server.error}. */
  public String tagValue() {
    return tagValue;
  }

  /**
   * The kind of a failure. Anything outside the family (a transport breaking its contract) counts
   * as {@link #CONNECTION}: there was no usable answer.
   */
  public static Outcome of(Throwable failure) {
    if (failure == null) {
      return SUCCESS;
    }
    if (failure instanceof TlsFailureException) {
      return TLS;
    }
    if (failure instanceof AuthenticationException) { // the proxy's 407 too
      return AUTH;
    }
    if (failure instanceof RequestTimeoutException || failure instanceof DeadlineExceededException) {
      return TIMEOUT;
    }
    if (failure instanceof ResponseTooLargeException || failure instanceof ServiceUnavailableException) {
      return SERVER_ERROR;
    }
    if (failure instanceof TransportException) {
      return CONNECTION;
    }
    if (failure instanceof FaxReportsException known) {
      int status = known.httpStatus();
      if (status >= 500) {
        return SERVER_ERROR;
      }
      if (status >= 300) {
        return CLIENT_ERROR;
      }
    }
    return CONNECTION;
  }
}
