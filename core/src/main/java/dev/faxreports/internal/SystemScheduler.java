package dev.faxreports.internal;

import dev.faxreports.Scheduler;
import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** The real clock and one daemon thread for timers; owned and closed by the facade. */
public final class SystemScheduler implements Scheduler, AutoCloseable {
  private final ScheduledThreadPoolExecutor timers;

  public SystemScheduler() {
    timers = new ScheduledThreadPoolExecutor(1, DaemonThreads.named("faxreports-timer"));
    timers.setRemoveOnCancelPolicy(true); // cancelled request timeouts must not pile up
  }

  @Override
  public long nanoTime() {
    return System.nanoTime();
  }

  @Override
  public Cancellable schedule(Duration delay, Runnable task) {
    var future = timers.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
    return () -> future.cancel(false);
  }

  @Override
  public void close() {
    timers.shutdownNow();
  }
}
