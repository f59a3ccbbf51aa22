package dev.faxreports.benchmarks;

import dev.faxreports.model.Credentials;
import dev.faxreports.model.DataCenter;
import dev.faxreports.testkit.FakeFaxServer;
import dev.faxreports.testkit.FakeFaxService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One drain of the fake's reports by the command-line tool itself — {@code java -jar
 * cli/target/faxreports.jar drain --out FILE}, in a JVM of its own as a user runs it — into a
 * JSON Lines file, each page synced before it is deleted. Timed from the tool's first request at
 * the fake until it exited with every report in the file: the JVM's start is left out, as the
 * connector's row leaves out the worker's.
 */
final class CliFileDrain {

  /** Where {@code mvn package} of the cli module puts the tool (benchmarks/run.sh builds it). */
  static final Path JAR = Path.of("cli", "target", "faxreports.jar");

  private final String customer;
  private final Credentials credentials;

  CliFileDrain(String customer, Credentials credentials) {
    this.customer = customer;
    this.credentials = credentials;
    if (!Files.isRegularFile(JAR)) {
      throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: build it with"
          + " mvn -B package -DskipTests -pl cli,benchmarks -am (benchmarks/run.sh does)");
    }
  }

  TimedDrain drain(int perDataCenter) throws IOException, InterruptedException {
    long expected = 2L * perDataCenter;
    FakeFaxService fake = FakeFaxService.europe();
    fake.seedSamples(DataCenter.DE1, perDataCenter);
    fake.seedSamples(DataCenter.DE2, perDataCenter);
    Path directory = Files.createTempDirectory("bench-cli");
    Path out = directory.resolve("reports.jsonl");
    Path log = directory.resolve("cli.log");
    try (FakeFaxServer server = FakeFaxServer.start(fake, customer, credentials)) {
      List<String> command = new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString(),
          "drain", "--out", out.toString(), "--customer", customer));
      server.dataCenters().forEach(dc -> command.addAll(List.of("--endpoint", dc.name() + "=" + dc.baseUri())));
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      Map<String, String> environment = builder.environment();
      // Only what this run says: no settings or proxy of the shell that started the benchmarks.
      environment.keySet().removeIf(name -> name.startsWith("RETARUS_") || name.toLowerCase(Locale.ROOT).endsWith("_proxy"));
      environment.put("RETARUS_USERNAME", credentials.username());
      environment.put("RETARUS_PASSWORD", credentials.password());
      Process process = builder.start();
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException("the CLI drain did not finish in 5 minutes; see " + log);
      }
      long end = System.nanoTime();
      long lines;
      try (Stream<String> written = Files.lines(out, StandardCharsets.UTF_8)) {
        lines = written.count();
      }
      boolean empty = fake.dataCenters().stream().allMatch(dc -> fake.reports(dc).isEmpty());
      if (process.exitValue() != 0 || lines != expected || !empty) {
        throw new IllegalStateException("the CLI drain exited " + process.exitValue() + " with " + lines
            + " lines of " + expected + (empty ? "" : ", reports left at the fake") + ": "
            + Files.readString(log, StandardCharsets.UTF_8));
      }
      long firstRequest = fake.calls().get(0).nanoTime();
      return new TimedDrain(expected, (end - firstRequest) / 1e9);
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(log);
      Files.deleteIfExists(directory);
    }
  }
}
