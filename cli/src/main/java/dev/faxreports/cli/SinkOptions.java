package dev.faxreports.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where a drain stores what it collects: exactly one of {@code --out FILE} and {@code --jdbc URL}. */
final class SinkOptions {

  @Option(names = "--out", paramLabel = "FILE",
      description = "Appends every report to FILE as JSON Lines, each page synced before it is deleted.")
  Path out;

  /** Refuses what can never be opened before anything is sent; the sink itself is opened later. */
  void validate() {
    // a file is checked when it is opened: whether it is an export of ours can change until then
  }

  /** What was chosen, fit to print before it is opened. */
  String describe() {
    return out.toAbsolutePath().toString();
  }

  /** Opens the sink chosen; what cannot be opened is said in the tool's terms. */
  ReportSink open(Session session) {
    return FileSink.open(out, session);
  }
}
