package dev.faxreports.cli.watch;

import dev.faxreports.FaxReports;
import dev.faxreports.cli.DurationOption;
import dev.faxreports.cli.FaxReportsCommand;
import dev.faxreports.cli.Session;
import dev.faxreports.cli.drain.DrainMetrics;
import dev.faxreports.cli.drain.DrainRound;
import dev.faxreports.cli.sink.ChosenSink;
import dev.faxreports.cli.sink.SinkOptions;
import dev.faxreports.error.InvalidArgumentException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** The {@code watch} command: drains in rounds until stopped, with health and metrics over HTTP. */
@Command(name = "watch", mixinStandardHelpOptions = true, modelTransformer = SinkOptions.Offered.class,
    description = {"Drains again and again, as a service: drain, wait DURATION, drain again, until stopped.",
        "Each round stores every report (in FILE or the database) before deleting it at the service.",
        "A failing round (a data center or the database down, credentials refused) is one line on stderr",
        "and is tried again after a growing wait; it never ends the watch. SIGTERM, SIGHUP or Ctrl-C lets",
        "the page in hand be stored (waiting " + DrainRound.STOP_GRACE_SECONDS + "s at most, else it stays at the",
        "service), then exits 0.",
        "With --metrics-port, GET /metrics answers in Prometheus text and GET /health with 200, or 503",
        "once failures have lasted until the wait reached --max-backoff."})
public final class WatchCommand implements Callable<Integer> {

  /** Below this, an idle watch hammers the service with listings for nothing. */
  private static final Duration GENTLE_INTERVAL = Duration.ofSeconds(1);

  @ParentCommand FaxReportsCommand top;

  @Option(names = "--every", paramLabel = "DURATION", required = true, converter = DurationOption.class,
      description = "The wait between rounds, e.g. 30s, 5m, 1h.")
  Duration every;

  @Mixin SinkOptions sink;

  @Option(names = "--max-backoff", paramLabel = "DURATION", converter = DurationOption.class, defaultValue = "5m",
      description = "The longest wait after failing rounds (default: ${DEFAULT-VALUE}); waits start at 5s"
          + " (or the interval, if shorter) and double.")
  Duration maxBackoff;

  @Option(names = "--metrics-port", paramLabel = "PORT",
      description = "Serves /metrics and /health on this port (0: any free one, printed at start).")
  Integer metricsPort;

  @Option(names = "--metrics-address", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
      description = "The address to serve them on (default: ${DEFAULT-VALUE}, this machine only).")
  String metricsAddress;

  @Override
  public Integer call() {
    Session session = top.session();
    if (metricsPort != null && (metricsPort < 0 || metricsPort > 65535)) {
      throw new InvalidArgumentException("--metrics-port " + metricsPort
          + " is no port: use 0 to 65535");
    }
    ChosenSink chosen = sink.chosen(session.environment()); // a value naming no sink (a URL of no database we store into): exit 2 before anything is sent
    if (every.compareTo(GENTLE_INTERVAL) < 0) {
      session.say("warning: --every " + DurationOption.describe(every) + " lists every data center "
          + Math.round(1_000.0 / Math.max(1, every.toMillis())) + " times a second even when nothing arrives;"
          + " reports wait at the service for 30 days, so 1s or more loses nothing and spares it");
    }
    DrainMetrics metrics = new DrainMetrics();
    WatchHealth health = new WatchHealth();
    try (FaxReports reports = top.open(metrics.observer());
        MetricsServer server = metricsPort == null ? null
            : MetricsServer.start(metricsAddress, metricsPort, metrics::scrape, health)) {
      WatchLoop loop = new WatchLoop(reports, () -> chosen.open(session), every, WatchLoop.backoff(every, maxBackoff), health,
          metrics.registry(), session, Clock.systemUTC());
      StopSignals.onStop(loop::stop);
      if (server != null) {
        session.say("serving " + server.url() + "/metrics and " + server.url() + "/health");
      }
      session.say("watching: a round every " + DurationOption.describe(every) + " into "
          + chosen.where() + "; SIGTERM, SIGHUP or Ctrl-C stops");
      return loop.run();
    }
  }
}
