package dev.faxreports.cli.command;

import dev.faxreports.FaxReports;
import dev.faxreports.cli.FaxReportsCommand;
import dev.faxreports.cli.Session;
import dev.faxreports.cli.drain.DrainRun;
import dev.faxreports.cli.sink.FileSink;
import dev.faxreports.cli.sink.ReportSink;
import dev.faxreports.config.ConfigKeys;
import dev.faxreports.config.ConfigSource;
import dev.faxreports.error.InvalidArgumentException;
import dev.faxreports.model.Credentials;
import dev.faxreports.model.DataCenter;
import dev.faxreports.testkit.FakeFaxServer;
import dev.faxreports.testkit.FakeFaxService;
import dev.faxreports.testkit.Fault;
import dev.faxreports.testkit.Operation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** The {@code demo} command: a drain of an embedded fake service. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Drains an embedded fake Retarus service: no network, no credentials.",
        "The fake runs on loopback with two data centers and answers two requests with errors to",
        "show the retries."})
public final class DemoCommand implements Callable<Integer> {

  private static final String CUSTOMER = "10001";

  @ParentCommand FaxReportsCommand top;

  @Option(names = "--reports", paramLabel = "N", defaultValue = "5000",
      description = "Reports to seed, split over DE1 and DE2 (default ${DEFAULT-VALUE}).")
  int count;

  @Option(names = "--out", paramLabel = "FILE",
      description = "The export file, which must not exist yet (default: a new temporary file).")
  Path out;

  /** The failures the demo injects: each shows one retry healing it. */
  private static final List<InjectedFault> FAULTS = List.of(
      new InjectedFault(DataCenter.DE1, Operation.LIST, Fault.unavailable(), "HTTP 503 Service Unavailable"),
      new InjectedFault(DataCenter.DE2, Operation.BULK_DELETE, Fault.unknownError(), "HTTP 520 Unknown Error"));

  @Override
  public Integer call() throws IOException {
    if (count < 1 || count > 1_000_000) {
      throw new InvalidArgumentException("--reports must be between 1 and 1,000,000, was " + count);
    }
    Session session = top.session();
    FakeFaxService fake = FakeFaxService.europe();
    fake.seedSamples(DataCenter.DE1, count * 3 / 5);
    fake.seedSamples(DataCenter.DE2, count - count * 3 / 5);
    FAULTS.forEach(injected -> fake.faults().failNext(injected.dataCenter(), injected.operation(), 1, injected.fault()));
    Credentials credentials = new Credentials("demo", UUID.randomUUID().toString());
    // A fresh file every run: a drain appends, and the demo's counts would be wrong (and an earlier
    // run's reports mixed in) if it appended to an earlier export.
    if (out != null && Files.exists(out)) {
      throw new InvalidArgumentException("--out " + out + " exists: the demo writes a fresh file;"
          + " remove it or name another (or leave out --out for a temporary file)");
    }
    Path file = out != null ? out : Files.createTempFile("faxreports-demo-", ".jsonl");

    try (FakeFaxServer server = FakeFaxServer.start(fake, CUSTOMER, credentials)) {
      // The demo's own settings come first: neither the environment nor --region can point it elsewhere.
      Map<String, String> demo = Map.of(
          ConfigKeys.ENDPOINTS, server.dataCenters().stream().map(dc -> dc.name() + "=" + dc.baseUri())
              .collect(Collectors.joining(",")),
          ConfigKeys.CUSTOMER_NUMBER, CUSTOMER,
          ConfigKeys.USERNAME, credentials.username(),
          ConfigKeys.PASSWORD, credentials.password());
      String transport = top.transportOption() != null ? top.transportOption() : "feign";
      try (FaxReports reports = FaxReports.fromConfiguration(
          ConfigSource.of(demo).or(top.options()).or(FaxReportsCommand.DEFAULTS))) {
        session.say(String.format(Locale.ROOT, "demo: a fake Retarus service with %,d reports on %s", count,
            server.dataCenters().stream().map(dc -> dc.name() + " " + dc.baseUri()).collect(Collectors.joining(" and "))));
        session.say("demo: draining it through the " + transport + " transport into " + file);
        FAULTS.forEach(injected -> session.say("demo: injected: " + injected.describe()));
        int exit;
        try (ReportSink sink = FileSink.open(file, session)) {
          exit = DrainRun.run(reports, sink, session);
        }
        FAULTS.forEach(injected -> session.say("demo: " + injected.outcome(fake)));
        long lines;
        try (var stream = Files.lines(file)) {
          lines = stream.count();
        }
        session.say(String.format(Locale.ROOT, "demo: %s holds %,d report lines; the fake service holds %,d reports now",
            file, lines, fake.reports(DataCenter.DE1).size() + fake.reports(DataCenter.DE2).size()));
        return exit;
      }
    }
  }
}
