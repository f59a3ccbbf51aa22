package dev.faxreports.cli;

import dev.faxreports.DrainPage;
import dev.faxreports.DrainSummary;
import dev.faxreports.FaxReports;
import dev.faxreports.model.FaxReport;
import dev.faxreports.wire.WireFormat;
import java.io.ByteArrayOutputStream;
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

  /** Exit code of an interrupted drain, as shells report SIGINT. */
  static final int INTERRUPTED = 130;

  static int run(FaxReports reports, Path out, Session session) throws IOException {
    try (DrainFile file = DrainFile.open(out)) {
      if (file.repairedBytes() > 0) {
        session.say("cut a half-written last line (" + file.repairedBytes() + " bytes) from " + out
            + "; its reports were never acknowledged and are exported again");
      }
      Progress progress = new Progress(session.err(), session.interactive(), reports.async().dataCenters());
      ExecutorService writer = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "faxreports-export");
        thread.setDaemon(true);
        return thread;
      });
      CompletableFuture<DrainSummary> drained = reports.async().drain(page -> {
        file.appendAndSync(lines(page));
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
      try {
        DrainSummary summary = drained.join();
        progress.finish();
        report(summary, progress, out, session);
        return ExitCodes.of(summary, session);
      } catch (CancellationException interrupted) {
        return INTERRUPTED;
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException cause ? cause : e;
      } finally {
        finishWriting(writer);
        try {
          Runtime.getRuntime().removeShutdownHook(onShutdown);
        } catch (IllegalStateException shuttingDown) {
          // the hook is running: it reports
        }
      }
    }
  }

  private static byte[] lines(DrainPage page) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(page.reports().size() * 400);
    String dataCenter = page.dataCenter().name();
    for (FaxReport report : page.reports()) {
      bytes.writeBytes(WireFormat.writeReportLine(report, dataCenter));
    }
    return bytes.toByteArray();
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
        .map(e -> String.format(Locale.ROOT, "%s %,d", e.getKey().name(), e.getValue().acknowledged()))
        .collect(Collectors.joining(", "));
    session.say(String.format(Locale.ROOT, "exported %,d reports to %s and deleted them at the service (%s)"
        + " in %.1f s, %,.0f reports/s", summary.exported(), out.toAbsolutePath(), perDataCenter,
        progress.seconds(), summary.exported() / Math.max(progress.seconds(), 1e-3)));
    long again = summary.exported() - summary.acknowledged();
    if (again > 0) {
      session.say(again + " exported reports could not be deleted; they are exported again next time");
    }
  }
}
