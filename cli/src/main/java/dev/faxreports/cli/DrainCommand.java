package dev.faxreports.cli;

import dev.faxreports.FaxReports;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "drain", mixinStandardHelpOptions = true,
    description = {"Exports every report to FILE and deletes only what is on disk.",
        "Every report of every data center is appended to FILE as JSON Lines; each page is deleted at",
        "the service only after it is written and synced. Safe to interrupt; run it again to continue."})
final class DrainCommand implements Callable<Integer> {

  @ParentCommand FaxReportsCommand top;

  @ArgGroup(exclusive = true, multiplicity = "1")
  SinkOptions sink;

  @Option(names = "--metrics-file", paramLabel = "FILE",
      description = "Writes the run's meters (faxreports.*) there in Prometheus text format at the end,"
          + " e.g. for node_exporter's textfile collector.")
  Path metricsFile;

  @Override
  public Integer call() {
    DrainMetrics metrics = new DrainMetrics();
    try (FaxReports reports = top.open(metrics.observer()); ReportSink into = sink.open(top.session())) {
      return DrainRun.run(reports, into, top.session(), metrics, metricsFile);
    }
  }
}
