package dev.faxreports.internal;

import java.lang.System.Logger.Level;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Named daemon threads, so that a forgotten facade never keeps a JVM alive. A throwable that
 * escapes a task (an {@link OutOfMemoryError}, say) is logged before the thread ends: a timer
 * thread that died silently would leave every pending request timeout unfired.
 */
public final class DaemonThreads {
  private DaemonThreads() {}

  private static final System.Logger LOG = System.getLogger(DaemonThreads.class.getName());

  /** Logs what killed a library thread; core is JDK-only, hence {@link System.Logger}. */
  static final Thread.UncaughtExceptionHandler LOG_UNCAUGHT = (thread, error) ->
      LOG.log(Level.ERROR, "faxreports thread " + thread.getName() + " died of " + error, error);

  public static ThreadFactory named(String prefix) {
    AtomicInteger counter = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, prefix + "-" + counter.incrementAndGet());
      thread.setDaemon(true);
      thread.setUncaughtExceptionHandler(LOG_UNCAUGHT);
      return thread;
    };
  }
}
