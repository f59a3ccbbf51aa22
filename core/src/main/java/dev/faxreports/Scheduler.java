package dev.faxreports;

import java.time.Duration;

/**
 * Time as the facade sees it: a monotonic clock and delayed tasks, for retry backoff and request
 * timeouts. Nothing in the facade sleeps; it schedules. Tests inject a manual scheduler to run
 * retries without real waiting.
 */
public interface Scheduler {

  /** A monotonic time in nanoseconds, like {@link System#nanoTime()}. */
  long nanoTime();

  /** Runs {@code task} once after {@code delay}; the returned handle cancels it. */
  Cancellable schedule(Duration delay, Runnable task);

  /** A scheduled task that can be called off. */
  @FunctionalInterface
  interface Cancellable {
    /** Calls the task off if it has not started; harmless when it has. */
    void cancel();
  }
}
