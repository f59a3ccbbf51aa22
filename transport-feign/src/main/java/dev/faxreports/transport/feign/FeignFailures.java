package dev.faxreports.transport.feign;

import dev.faxreports.error.FaxReportsException;
import dev.faxreports.error.RequestTimeoutException;
import dev.faxreports.error.TransportException;
import dev.faxreports.model.DataCenter;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CancellationException;

/**
 * Whatever a Feign call failed with, as a core exception naming the data center. Feign wraps our
 * own exceptions (from the error decoder) and I/O errors in its types; none of them escapes.
 */
final class FeignFailures {
  private FeignFailures() {}

  static FaxReportsException map(Throwable error, DataCenter dataCenter, Duration requestTimeout) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof FaxReportsException known) {
        return known;
      }
    }
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException) {
        return TransportException.connectFailed(dataCenter, cause);
      }
      if (cause instanceof HttpTimeoutException) {
        return new RequestTimeoutException(dataCenter, requestTimeout);
      }
      if (cause instanceof CancellationException) {
        return new TransportException("request cancelled", dataCenter, FaxReportsException.NO_STATUS, true, cause);
      }
    }
    return TransportException.connectionLost(dataCenter, innermost(error));
  }

  private static Throwable innermost(Throwable error) {
    Throwable cause = error;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }
}
