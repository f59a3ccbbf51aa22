package dev.faxreports.cli.watch;

import dev.faxreports.Backoff;
import dev.faxreports.DrainSummary;
import dev.faxreports.FaxReports;
import dev.faxreports.cli.DurationOption;
import dev.faxreports.cli.ExitCodes;
import dev.faxreports.cli.Session;
import dev.faxreports.cli.drain.DrainRound;
import dev.faxreports.cli.drain.Quarantined;
import dev.faxreports.cli.sink.ReportSink;
import dev.faxreports.error.InvalidArgumentException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * {@code watch}'s loop: drain, wait, drain again, until {@link #stop()}. A round that fails (a data
 * center down, the database down, credentials refused) is said in one line and tried again after a
 * growing wait ({@link Backoff}); only a usage error (a file that is no export of ours) ends it. A
 * stop lets the page in hand be stored and ends with nothing half done: what the sink holds is
 * exactly what was deleted at the service, give or take pages stored but not yet acknowledged,
 * which come again. A page whose store does not return within {@link DrainRound#STOP_GRACE} (a
 * locked table, a hung disk) is given up: not deleted, and said so.
 */
final class WatchLoop {

  private final FaxReports reports;
  private final Supplier<ReportSink> sinks;
  private final Duration every;
  private final Backoff backoff;
  private final WatchHealth health;
  private final Session session;
  private final Clock clock;
  private final Counter succeeded;
  private final Counter failed;
  private final MeterRegistry registry;
  private final CountDownLatch stopRequested = new CountDownLatch(1);
  private volatile DrainRound current;
  /** The reports the last round's sink quarantined (stored only as their bytes, with the reason). */
  private long quarantined;

  WatchLoop(FaxReports reports, Supplier<ReportSink> sinks, Duration every, Backoff backoff, WatchHealth health,
      MeterRegistry registry, Session session, Clock clock) {
    this.reports = reports;
    this.sinks = sinks;
    this.every = every;
    this.backoff = backoff;
    this.health = health;
    this.session = session;
    this.clock = clock;
    this.registry = registry;
    this.succeeded = Counter.builder("faxreports.watch.rounds").tag("outcome", "success")
        .description("Watch rounds that drained every data center").register(registry);
    this.failed = Counter.builder("faxreports.watch.rounds").tag("outcome", "failure")
        .description("Watch rounds that failed, in whole or for some data center").register(registry);
    Gauge.builder("faxreports.watch.last.success.timestamp", health, WatchHealth::lastSuccessEpochSecond)
        .baseUnit("seconds").description("When a watch round last succeeded (0: not yet)").register(registry);
  }

  /** The first wait after a failing round, unless the interval is shorter. */
  static final Duration FIRST_BACKOFF = Duration.ofSeconds(5);

  /**
   * How long the watch waits after failing rounds: from the shorter of its interval and 5 s,
   * doubling with each failure in a row, never longer than the cap. A service that retried at its
   * full interval would leave a short outage unhealed for an hour; one that retried at once would
   * hammer a data center that is down.
   */
  static Backoff backoff(Duration every, Duration cap) {
    Duration first = every.compareTo(FIRST_BACKOFF) < 0 ? every : FIRST_BACKOFF;
    return Backoff.doubling(first, cap.compareTo(first) < 0 ? first : cap);
  }

  /**
   * Ends the loop: a round running stops after its page in hand (or gives it up after {@link
   * DrainRound#STOP_GRACE}), a wait ends at once. Returns at once: {@link #run()} does the waiting.
   */
  void stop() {
    stopRequested.countDown();
    DrainRound round = current;
    if (round != null) {
      round.stop();
    }
  }

  /**
   * Runs until stopped.
   *
   * @return 0 when stopped, 2 for a usage error no retry can heal
   */
  int run() {
    ReportSink sink = null;
    int failuresInARow = 0;
    boolean gaveUpAPage = false;
    try {
      for (int number = 1; !stopping(); number++) {
        Instant started = clock.instant();
        Duration wait;
        try {
          if (sink == null) {
            sink = sinks.get();
          }
          DrainSummary summary = drain(sink);
          if (summary.isComplete()) {
            failuresInARow = 0;
            wait = every;
            succeeded(number, started, summary, sink);
          } else {
            failuresInARow++;
            wait = backoff.after(failuresInARow);
            failed(number, started, summary.failures().entrySet().stream()
                .map(e -> "data center " + e.getKey().name() + " failed: " + e.getValue().getMessage())
                .collect(Collectors.joining("; ")), summary, failuresInARow, wait);
          }
        } catch (DrainRound.Stopped stopped) {
          gaveUpAPage = stopped.gaveUpAPage();
          break;
        } catch (CancellationException stopped) {
          break;
        } catch (InvalidArgumentException usage) {
          session.say(usage.getMessage());
          return ExitCodes.USAGE;
        } catch (RuntimeException failure) {
          failuresInARow++;
          wait = backoff.after(failuresInARow);
          failed(number, started, ExitCodes.describe(failure), null, failuresInARow, wait);
          closeQuietly(sink); // opened afresh next round: a file repairs a half-written line, a pool reconnects
          sink = null;
        }
        if (waitOrStop(wait)) {
          break;
        }
      }
    } finally {
      if (!gaveUpAPage) { // else its store may still run: closing under it could wait as long again
        closeQuietly(sink);
      }
    }
    session.say(gaveUpAPage
        ? "stopped: the page in hand was still being stored after " + DurationOption.describe(DrainRound.STOP_GRACE)
            + ", so it was not deleted and stays at the service; every page before it was stored whole, and only"
            + " stored reports were deleted at the service"
        : "stopped: every page stored was stored whole, and only stored reports were deleted at the service");
    return ExitCodes.SUCCESS;
  }

  private DrainSummary drain(ReportSink sink) {
    DrainRound round = DrainRound.start(reports, sink, null, registry);
    current = round;
    try {
      if (stopping()) { // the stop came between the check above and the round being visible to it
        round.stop();
      }
      return round.await();
    } finally {
      quarantined = round.quarantined().total();
      current = null;
    }
  }

  private void succeeded(int number, Instant started, DrainSummary summary, ReportSink sink) {
    Instant now = clock.instant();
    succeeded.increment();
    health.succeeded(now);
    session.say(String.format(Locale.ROOT, "round %d: %s into %s in %.1f s; next round at %s", number,
        counts(summary), sink.where(), seconds(started, now), at(now.plus(every))));
  }

  private void failed(int number, Instant started, String reason, DrainSummary partial, int failuresInARow,
      Duration wait) {
    Instant now = clock.instant();
    failed.increment();
    Instant next = now.plus(wait);
    health.failed(at(now), reason, at(next), wait.equals(backoff.cap()));
    session.say(String.format(Locale.ROOT,
        "round %d failed after %.1f s%s: %s; next attempt at %s (failure %d in a row)", number,
        seconds(started, now), partial == null ? "" : " (" + counts(partial) + ")", reason, at(next), failuresInARow));
  }

  private String counts(DrainSummary summary) {
    return String.format(Locale.ROOT, "exported %,d reports%s, deleted %,d at the service", summary.exported(),
        quarantined == 0 ? "" : String.format(Locale.ROOT, " (%,d quarantined in %s)", quarantined, Quarantined.TABLE),
        summary.deleted());
  }

  private boolean stopping() {
    return stopRequested.getCount() == 0;
  }

  /** Waits, or returns true as soon as a stop is asked for. */
  private boolean waitOrStop(Duration wait) {
    try {
      return stopRequested.await(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }

  private static double seconds(Instant from, Instant to) {
    return Duration.between(from, to).toMillis() / 1000.0;
  }

  /** A time to print: UTC, to the second. */
  private static Instant at(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS);
  }

  private void closeQuietly(ReportSink sink) {
    if (sink == null) {
      return;
    }
    try {
      sink.close();
    } catch (RuntimeException e) {
      session.say("closing " + sink.where() + " failed: " + ExitCodes.describe(e));
    }
  }
}
