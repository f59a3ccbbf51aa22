package dev.faxreports.cli.drain;

import dev.faxreports.DrainSummary;
import dev.faxreports.FaxReports;
import dev.faxreports.cli.DurationOption;
import dev.faxreports.cli.ExitCodes;
import dev.faxreports.cli.Session;
import dev.faxreports.cli.sink.ReportSink;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;

/**
 * The {@code drain} command's run: a drain into a sink (the JSON Lines file or a database), each
 * page durable there before the facade may acknowledge it. Ctrl-C (or any JVM shutdown) stops
 * after the page in hand is stored, so no page is acknowledged that the sink does not hold — or,
 * when its store has not returned after {@link DrainRound#STOP_GRACE}, gives that page up
 * unacknowledged; a rerun continues where this one stopped.
 */
public final class DrainRun {
  private DrainRun() {}

  /**
   * The code of a drain stopped in-process. A drain stopped by a signal ends with the signal's own
   * code, 130 for Ctrl-C (SIGINT) or 143 for SIGTERM, as the JVM reports it.
   */
  static final int INTERRUPTED = 130;

  public static int run(FaxReports reports, ReportSink sink, Session session) {
    return run(reports, sink, session, null, null);
  }

  /**
   * Drains into {@code sink}; with {@code metrics} (observing {@code reports}), ends with a line per
   * data center and writes {@code metricsFile} if one is given — also when interrupted.
   */
  public static int run(FaxReports reports, ReportSink sink, Session session, DrainMetrics metrics, Path metricsFile) {
    try {
      return drain(reports, sink, session, metrics);
    } finally {
      if (metrics != null && metricsFile != null) {
        metrics.writeTo(metricsFile);
        session.say("metrics written to " + metricsFile.toAbsolutePath());
      }
    }
  }

  private static int drain(FaxReports reports, ReportSink sink, Session session, DrainMetrics metrics) {
    Progress progress = new Progress(session.err(), session.interactive(), session.terminalWidth(),
        reports.async().dataCenters());
    DrainRound round = DrainRound.start(reports, sink, progress, metrics == null ? null : metrics.registry());
    Thread onShutdown = new Thread(() -> {
      boolean gaveUpAPage = round.stopAndSettle();
      progress.finish();
      session.say("interrupted: " + (gaveUpAPage ? "the page in hand was still being stored after "
          + DurationOption.describe(DrainRound.STOP_GRACE) + ", so it was not deleted and stays at the service;"
          + " every page before it is in " : "every exported page is in ") + sink.where() + " and only those were"
          + " deleted at the service; run the same command again to continue");
    }, "faxreports-interrupt");
    Runtime.getRuntime().addShutdownHook(onShutdown);
    DrainSummary summary;
    try {
      summary = round.await();
    } catch (CancellationException interrupted) {
      return INTERRUPTED;
    } finally {
      removeHook(onShutdown); // finished: a later signal interrupts nothing
    }
    progress.finish();
    report(summary, round.quarantined(), progress, sink, session);
    if (metrics != null) {
      metrics.summaryLines().forEach(session::say);
    }
    return ExitCodes.of(summary, session);
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running: it reports
    }
  }

  private static void report(DrainSummary summary, Quarantined quarantined, Progress progress, ReportSink sink,
      Session session) {
    String perDataCenter = summary.byDataCenter().entrySet().stream()
        .map(e -> String.format(Locale.ROOT, "%s %,d", e.getKey().name(), e.getValue().deleted()))
        .collect(Collectors.joining(", "));
    session.say(String.format(Locale.ROOT, "exported %,d reports to %s%s and deleted %,d at the service (%s)"
        + " in %.1f s, %,.0f reports/s", summary.exported(), sink.where(),
        quarantined.total() == 0 ? "" : String.format(Locale.ROOT, " (%,d quarantined)", quarantined.total()),
        summary.deleted(), perDataCenter, progress.seconds(),
        summary.exported() / Math.max(progress.seconds(), 1e-3)));
    if (quarantined.total() > 0) {
      session.say(String.format(Locale.ROOT, "%,d reports could not be stored as rows (%s): each is kept byte for"
          + " byte, with its data center and the reason, in %s (SELECT data_center, job_id, reason FROM %s)",
          quarantined.total(), quarantined.perDataCenter(), Quarantined.TABLE, Quarantined.TABLE));
    }
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
