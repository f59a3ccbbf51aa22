package dev.faxreports.cli.drain;

import dev.faxreports.DrainSummary;
import dev.faxreports.FaxReports;
import dev.faxreports.cli.sink.ReportSink;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One drain into a sink, on a writer thread of its own so that another thread (a signal's, a
 * shutdown hook's) can stop it between pages: {@link #stop()} lets the page being stored become
 * durable first, so no page is acknowledged that the sink does not hold.
 *
 * <p>A page whose store does not return — a database table locked by another session, a disk that
 * hangs — does not hold a stop up for longer than {@link #STOP_GRACE}: the page is then given up. It
 * is not deleted at the service, even if its store returns later, and comes again next time.
 */
public final class DrainRound {

  /**
   * How long a stop waits for the page in hand to be stored. A page (at most 1000 reports) is
   * stored in well under a second; one still being stored after this is waiting on something else
   * (a lock, a stalled disk or network), and is given up rather than holding the stop up.
   */
  public static final int STOP_GRACE_SECONDS = 5;

  /** {@link #STOP_GRACE_SECONDS} as a duration. */
  public static final Duration STOP_GRACE = Duration.ofSeconds(STOP_GRACE_SECONDS);

  private final ThreadPoolExecutor writer;
  private final CompletableFuture<DrainSummary> drained;
  private final PageInHand inHand;
  private final Quarantined quarantined;
  /** Null until settled: then whether a page was given up. */
  private Boolean gaveUpAPage;

  private DrainRound(ThreadPoolExecutor writer, CompletableFuture<DrainSummary> drained, PageInHand inHand,
      Quarantined quarantined) {
    this.writer = writer;
    this.drained = drained;
    this.inHand = inHand;
    this.quarantined = quarantined;
  }

  /**
   * Starts the round; the reports the sink quarantines are counted, and with {@code registry} (may
   * be null) in its counter {@value Quarantined#METER}.
   */
  public static DrainRound start(FaxReports reports, ReportSink sink, Progress progress, MeterRegistry registry) {
    Quarantined quarantined = new Quarantined(registry, reports.async().dataCenters());
    // A page handed over once the writer is shut down (after a stop) is dropped, never handed to
    // the sink, so never deleted: the default policy would throw it at the thread that handed it
    // over, the writer itself when it finishes the page before, as an uncaught stack trace.
    ThreadPoolExecutor writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
        task -> {
          Thread thread = new Thread(task, "faxreports-export");
          thread.setDaemon(true);
          return thread;
        }, new ThreadPoolExecutor.DiscardPolicy());
    PageInHand inHand = new PageInHand();
    CompletableFuture<DrainSummary> drained = reports.async().drain(page -> {
      inHand.storing();
      try {
        quarantined.add(page.dataCenter(), sink.store(page));
      } finally {
        inHand.done(); // throws for a page given up meanwhile: stored perhaps, but not acknowledged
      }
      if (progress != null) {
        progress.exported(page);
      }
    }, writer);
    return new DrainRound(writer, drained, inHand, quarantined);
  }

  /** The reports the sink quarantined so far: stored only as their bytes, with the reason. */
  public Quarantined quarantined() {
    return quarantined;
  }

  /**
   * The drain's summary once it ends.
   *
   * @throws Stopped when {@link #stop()} ended it, once the page in hand is stored or given up
   * @throws RuntimeException what failed it: the sink's or the facade's own failure, unwrapped
   */
  public DrainSummary await() {
    try {
      return drained.join();
    } catch (CancellationException stopped) {
      throw new Stopped(settle());
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    } finally {
      settle();
    }
  }

  /** Asks the drain to stop after the page in hand; returns at once ({@link #await()} waits for that page). */
  public void stop() {
    drained.cancel(false);
  }

  /**
   * Stops the drain and waits for the page in hand, at most {@link #STOP_GRACE}.
   *
   * @return true when a page was given up: it was still being stored, and will not be deleted
   */
  boolean stopAndSettle() {
    stop();
    return settle();
  }

  /**
   * Waits, at most {@link #STOP_GRACE}, for the writer to finish the page in hand, then gives up a
   * page still being stored. Once: a second caller gets the first one's answer.
   *
   * @return true when a page was given up
   */
  private synchronized boolean settle() {
    if (gaveUpAPage == null) {
      writer.shutdown();
      boolean finished;
      try {
        finished = writer.awaitTermination(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        finished = false;
      }
      gaveUpAPage = !finished && inHand.giveUp();
    }
    return gaveUpAPage;
  }

  /** The drain was stopped. */
  public static final class Stopped extends CancellationException {
    private static final long serialVersionUID = 1L;
    private final boolean gaveUpAPage;

    Stopped(boolean gaveUpAPage) {
      super(gaveUpAPage ? "stopped; the page in hand was given up" : "stopped");
      this.gaveUpAPage = gaveUpAPage;
    }

    /**
     * Whether a page was still being stored when the grace ran out. It is not deleted at the
     * service; its store may still be running, so the sink must not be closed under it (the
     * process's end releases it: the database rolls back, the file keeps what reached it).
     */
    public boolean gaveUpAPage() {
      return gaveUpAPage;
    }
  }

  /** Whether a page is being stored, and once given up, that none is acknowledged any more. */
  private static final class PageInHand {
    private static final int IDLE = 0;
    private static final int STORING = 1;
    private static final int GIVEN_UP = 2;

    private final AtomicInteger state = new AtomicInteger(IDLE);

    /** A page is handed over. */
    void storing() {
      if (!state.compareAndSet(IDLE, STORING)) {
        throw new CancellationException("stopped: no page is stored any more");
      }
    }

    /** The page's store returned (or threw): it may be acknowledged unless it was given up. */
    void done() {
      if (!state.compareAndSet(STORING, IDLE)) {
        throw new CancellationException("stopped: the page was given up while it was stored; it is not deleted");
      }
    }

    /** From now on no page is stored or acknowledged; true when one was being stored. */
    boolean giveUp() {
      return state.getAndSet(GIVEN_UP) == STORING;
    }
  }
}
