package dev.faxreports.kafka.testsupport;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waits for a Kafka admin or Connect herder future, unchecked: the project's architecture rules
 * (which import this module from the connector's test class path) allow no checked exceptions in
 * a public API, and a test or benchmark cannot handle these anyway.
 */
final class Await {

  private Await() {}

  static <T> T result(Future<T> future, Duration timeout, String what) {
    try {
      return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting: " + what, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(what + " failed", e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException(what + " took longer than " + timeout, e);
    }
  }
}
