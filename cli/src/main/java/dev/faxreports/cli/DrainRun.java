package dev.faxreports.cli;

import dev.faxreports.DrainSummary;
import dev.faxreports.FaxReports;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A drain into a JSON Lines file: each page is appended and forced to disk before the facade may
 * acknowledge it. Ctrl-C (or any JVM shutdown) stops after the page being written is on disk, so
 * no page is acknowledged that is not in the file; a rerun continues where this one stopped.
 */
final class DrainRun {
  private DrainRun() {}

  /**
   * The code of a drain stopped in-process. A drain stopped by a signal ends with the signal's own
   * code, 130 for Ctrl-C (SIGINT) or 143 for SIGTERM, as the JVM reports it.
   */
  static final int INTERRUPTED = 130;

  static int run(FaxReports reports, Path out, Session session) throws IOException {
    return run(reports, out, session, null, null);
  }

  /**
   * Drains into {@code out}; with {@code metrics} (observing {@code reports}), ends with a line per
   * data center and writes {@code metricsFile} if one is given — also when interrupted.
   */
  static int run(FaxReports reports, Path out, Session session, DrainMetrics metrics, Path metricsFile)
      throws IOException {
    try {
      return drain(reports, out, session, metrics);
    } finally {
      if (metrics != null && metricsFile != null) {
        metrics.writeTo(metricsFile);
        session.say("metrics written to " + metricsFile.toAbsolutePath());
      }
    }
  }

  private static int drain(FaxReports reports, Path out, Session session, DrainMetrics metrics) throws IOException {
    try (DrainFile file = DrainFile.open(out)) {
      if (file.repairedBytes() > 0) {
        session.say("cut a half-written last line (" + file.repairedBytes() + " bytes) from " + out
            + "; its reports were never acknowledged and are exported again");
      }
      Progress progress = new Progress(session.err(), session.interactive(), session.terminalWidth(),
          reports.async().dataCenters());
      ExecutorService writer = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "faxreports-export");
        thread.setDaemon(true);
        return thread;
      });
      CompletableFuture<DrainSummary> drained = reports.async().drain(page -> {
        file.appendAndSync(JsonLines.page(page));
        progress.exported(page);
      }, writer);
      Thread onShutdown = new Thread(() -> {
        drained.cancel(false);
        finishWriting(writer);
        progress.finish();
        session.say("interrupted: every exported page is in " + out + " and only those were"
            + " deleted at the service; run the same command again to continue");
      }, "faxreports-interrupt");
      Runtime.getRuntime().addShutdownHook(onShutdown);
      DrainSummary summary;
      try {
        summary = drained.join();
      } catch (CancellationException interrupted) {
        return INTERRUPTED;
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException cause ? cause : e;
      } finally {
        finishWriting(writer);
        removeHook(onShutdown); // finished: a later signal interrupts nothing
      }
      progress.finish();
      report(summary, progress, out, session);
      if (metrics != null) {
        metrics.summaryLines().forEach(session::say);
      }
      return ExitCodes.of(summary, session);
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running: it reports
    }
  }

  /** Lets the page being written reach the disk before the file is closed. */
  private static void finishWriting(ExecutorService writer) {
    writer.shutdown();
    try {
      writer.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void report(DrainSummary summary, Progress progress, Path out, Session session) {
    String perDataCenter = summary.byDataCenter().entrySet().stream()
        .map(e -> String.format(Locale.ROOT, "%s %,d", e.getKey().name(), e.getValue().deleted()))
        .collect(Collectors.joining(", "));
    session.say(String.format(Locale.ROOT, "exported %,d reports to %s and deleted %,d at the service (%s)"
        + " in %.1f s, %,.0f reports/s", summary.exported(), out.toAbsolutePath(), summary.deleted(), perDataCenter,
        progress.seconds(), summary.exported() / Math.max(progress.seconds(), 1e-3)));
    if (summary.alreadyGone() > 0) {
      session.say(String.format(Locale.ROOT, "%,d exported reports were already gone at the service"
          + " (NOT_FOUND: another drain or expiry removed them first)", summary.alreadyGone()));
    }
    long again = summary.exported() - summary.acknowledged();
    if (again > 0) {
      session.say(again + " exported reports could not be deleted; they are exported again next time");
    }
  }
}
