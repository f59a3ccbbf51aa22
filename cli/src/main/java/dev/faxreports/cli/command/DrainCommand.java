package dev.faxreports.cli.command;

import dev.faxreports.FaxReports;
import dev.faxreports.cli.FaxReportsCommand;
import dev.faxreports.cli.drain.DrainMetrics;
import dev.faxreports.cli.drain.DrainRun;
import dev.faxreports.cli.sink.ChosenSink;
import dev.faxreports.cli.sink.ReportSink;
import dev.faxreports.cli.sink.SinkOptions;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** The {@code drain} command: export every report, delete only what is stored. */
@Command(name = "drain", mixinStandardHelpOptions = true, modelTransformer = SinkOptions.Offered.class,
    description = {"Exports every report to FILE (or a database) and deletes only what is stored.",
        "Every report of every data center is appended to FILE as JSON Lines, or upserted into the",
        "database; each page is deleted at the service only after it is synced or committed. Safe to",
        "interrupt; run it again to continue."})
public final class DrainCommand implements Callable<Integer> {

  @ParentCommand FaxReportsCommand top;

  @Mixin SinkOptions sink;

  @Option(names = "--metrics-file", paramLabel = "FILE",
      description = "Writes the run's meters (faxreports.*) there in Prometheus text format at the end,"
          + " e.g. for node_exporter's textfile collector.")
  Path metricsFile;

  @Override
  public Integer call() {
    ChosenSink chosen = sink.chosen(top.session().environment()); // a value naming no sink (a URL of no database we store into): exit 2 before anything is sent
    DrainMetrics metrics = new DrainMetrics();
    try (FaxReports reports = top.open(metrics.observer()); ReportSink into = chosen.open(top.session())) {
      return DrainRun.run(reports, into, top.session(), metrics, metricsFile);
    }
  }
}
