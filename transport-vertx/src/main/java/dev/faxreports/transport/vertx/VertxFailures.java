package dev.faxreports.transport.vertx;

import dev.faxreports.error.FaxReportsException;
import dev.faxreports.error.RequestTimeoutException;
import dev.faxreports.error.TransportException;
import dev.faxreports.model.DataCenter;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * Whatever a Vert.x request failed with, as a core exception naming the data center: our own
 * exceptions pass through; connection, timeout and closed-connection errors are mapped, so no
 * Vert.x or Netty type escapes.
 */
final class VertxFailures {
  private VertxFailures() {}

  static FaxReportsException map(Throwable error, DataCenter dataCenter, Duration requestTimeout) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof FaxReportsException known) {
        return known;
      }
    }
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof ConnectException) { // Netty's connect timeout is one too
        return TransportException.connectFailed(dataCenter, describe(cause));
      }
      if (cause instanceof TimeoutException) {
        return new RequestTimeoutException(dataCenter, requestTimeout);
      }
    }
    return TransportException.connectionLost(dataCenter, describe(error));
  }

  /** A plain JDK exception with the original's words, so no Vert.x type travels as a cause. */
  private static Throwable describe(Throwable error) {
    String message = error.getMessage() == null ? error.getClass().getSimpleName()
        : error.getClass().getSimpleName() + ": " + error.getMessage();
    return new java.io.IOException(message);
  }
}
