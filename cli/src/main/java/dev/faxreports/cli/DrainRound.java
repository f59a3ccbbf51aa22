package dev.faxreports.cli;

import dev.faxreports.DrainSummary;
import dev.faxreports.FaxReports;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * One drain into a sink, on a writer thread of its own so that another thread (a signal's, a
 * shutdown hook's) can stop it between pages: {@link #stop()} lets the page being stored become
 * durable first, so no page is acknowledged that the sink does not hold.
 */
final class DrainRound {

  /** How long a stop waits for the page in hand: a page is at most 1000 reports. */
  private static final long STORE_PATIENCE_SECONDS = 30;

  private final ExecutorService writer;
  private final CompletableFuture<DrainSummary> drained;
  private final Quarantined quarantined;

  private DrainRound(ExecutorService writer, CompletableFuture<DrainSummary> drained, Quarantined quarantined) {
    this.writer = writer;
    this.drained = drained;
    this.quarantined = quarantined;
  }

  /**
   * Starts the round; the reports the sink quarantines are counted, and with {@code registry} (may
   * be null) in its counter {@value Quarantined#METER}.
   */
  static DrainRound start(FaxReports reports, ReportSink sink, Progress progress, MeterRegistry registry) {
    Quarantined quarantined = new Quarantined(registry, reports.async().dataCenters());
    ExecutorService writer = Executors.newSingleThreadExecutor(task -> {
      Thread thread = new Thread(task, "faxreports-export");
      thread.setDaemon(true);
      return thread;
    });
    CompletableFuture<DrainSummary> drained = reports.async().drain(page -> {
      quarantined.add(page.dataCenter(), sink.store(page));
      if (progress != null) {
        progress.exported(page);
      }
    }, writer);
    return new DrainRound(writer, drained, quarantined);
  }

  /** The reports the sink quarantined so far: stored only as their bytes, with the reason. */
  Quarantined quarantined() {
    return quarantined;
  }

  /**
   * The drain's summary once it ends.
   *
   * @throws CancellationException when {@link #stop()} ended it
   * @throws RuntimeException what failed it: the sink's or the facade's own failure, unwrapped
   */
  DrainSummary await() {
    try {
      return drained.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    } finally {
      finishStoring();
    }
  }

  /** Stops the drain after the page being stored, and waits for that page to be durable. */
  void stop() {
    drained.cancel(false);
    finishStoring();
  }

  private void finishStoring() {
    writer.shutdown();
    try {
      writer.awaitTermination(STORE_PATIENCE_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
