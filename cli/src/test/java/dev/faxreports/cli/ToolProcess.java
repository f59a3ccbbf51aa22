package dev.faxreports.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The tool in a JVM of its own, from the test's class path, against a fixture's fake server. */
final class ToolProcess {
  private ToolProcess() {}

  /**
   * Starts {@code java [jvmOptions] FaxReportsCli <fixture endpoints> <args>} in {@code dir}, with
   * the fixture's environment; stdout is discarded and stderr goes to {@code dir/stderr.txt} (a
   * file, since {@link Process#destroy()} would close a pipe).
   */
  static Process start(CliFixture cli, Path dir, List<String> jvmOptions, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), FaxReportsCli.class.getName()));
    command.addAll(cli.endpoints());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(dir.resolve("stderr.txt").toFile());
    builder.environment().putAll(cli.environment);
    builder.directory(new File(dir.toString()));
    return builder.start();
  }

  /** A condition that may read files or a database. */
  interface IoCondition {
    boolean holds() throws Exception;
  }

  static void waitUntil(IoCondition condition, Duration patience) throws Exception {
    long deadline = System.nanoTime() + patience.toNanos();
    while (!condition.holds()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + patience);
      }
      Thread.sleep(20);
    }
  }
}
