package dev.faxreports.cli;

import dev.faxreports.model.Credentials;
import dev.faxreports.testkit.FakeFaxServer;
import dev.faxreports.testkit.FakeFaxService;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The tool run in-process against the HTTP fake server, with its output captured. */
final class CliFixture implements AutoCloseable {

  static final String PASSWORD = "Cli-Pässword-42";
  static final Credentials CREDENTIALS = new Credentials("cli-user", PASSWORD);

  /** What one run printed and returned. */
  record Run(int exit, String out, String err) {
    List<String> lines() {
      return out.isEmpty() ? List.of() : List.of(out.split("\n"));
    }
  }

  final FakeFaxService fake = FakeFaxService.europe();
  final FakeFaxServer server = FakeFaxServer.start(fake, "12345", CREDENTIALS);
  final Map<String, String> environment = new HashMap<>(Map.of(
      "RETARUS_USERNAME", CREDENTIALS.username(),
      "RETARUS_PASSWORD", PASSWORD,
      "RETARUS_CUSTOMER_NUMBER", "12345"));
  final List<Run> runs = new ArrayList<>();

  /** The global options that point the tool at the fake server. */
  List<String> endpoints() {
    List<String> options = new ArrayList<>();
    server.dataCenters().forEach(dc -> {
      options.add("--endpoint");
      options.add(dc.name() + "=" + dc.baseUri());
    });
    options.add("--request-timeout");
    options.add("PT3S");
    return options;
  }

  /** Runs {@code faxreports <endpoints> <args>}. */
  Run run(String... args) {
    return runRaw(Stream.concat(endpoints().stream(), Stream.of(args)).toArray(String[]::new));
  }

  /** Runs {@code faxreports <args>} exactly as given. */
  Run runRaw(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = FaxReportsCli.run(args, environment, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), false);
    Run run = new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    runs.add(run);
    return run;
  }

  @Override
  public void close() {
    server.close();
  }
}
