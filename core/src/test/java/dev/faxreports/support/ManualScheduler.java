package dev.faxreports.support;

import dev.faxreports.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/** Virtual time: nothing runs until the test advances the clock, and nothing really sleeps. */
public final class ManualScheduler implements Scheduler {

  private record Task(long dueNanos, long sequence, Duration delay, Runnable action) {}

  private final PriorityQueue<Task> pending = new PriorityQueue<>(
      (a, b) -> a.dueNanos != b.dueNanos ? Long.compare(a.dueNanos, b.dueNanos)
          : Long.compare(a.sequence, b.sequence));
  private final List<Duration> requestedDelays = new ArrayList<>();
  private long now;
  private long sequence;

  @Override
  public synchronized long nanoTime() {
    return now;
  }

  @Override
  public synchronized Cancellable schedule(Duration delay, Runnable action) {
    Task task = new Task(now + delay.toNanos(), sequence++, delay, action);
    pending.add(task);
    requestedDelays.add(delay);
    return () -> {
      synchronized (this) {
        pending.remove(task);
      }
    };
  }

  /** Runs every task due within {@code duration}, moving the clock to each task's time. */
  public void advance(Duration duration) {
    long target;
    synchronized (this) {
      target = now + duration.toNanos();
    }
    while (true) {
      Task next;
      synchronized (this) {
        next = pending.peek();
        if (next == null || next.dueNanos > target) {
          now = target;
          return;
        }
        pending.poll();
        now = next.dueNanos;
      }
      next.action.run();
    }
  }

  /** Runs pending tasks in time order until none is left (or a safety bound is hit). */
  public void runUntilIdle() {
    for (int i = 0; i < 10_000; i++) {
      Task next;
      synchronized (this) {
        next = pending.poll();
        if (next == null) {
          return;
        }
        now = Math.max(now, next.dueNanos);
      }
      next.action.run();
    }
    throw new AssertionError("scheduler never went idle");
  }

  /** Every delay asked for, timeouts and backoffs alike, in order. */
  public synchronized List<Duration> requestedDelays() {
    return List.copyOf(requestedDelays);
  }

  public synchronized Duration elapsed() {
    return Duration.ofNanos(now);
  }
}
