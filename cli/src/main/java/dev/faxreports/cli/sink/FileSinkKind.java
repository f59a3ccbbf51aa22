package dev.faxreports.cli.sink;

import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Model.OptionSpec;

/** {@code --out FILE}: the export file, JSON Lines (see {@link FileSink}). */
final class FileSinkKind implements SinkKind {

  @Override
  public OptionSpec option() {
    return OptionSpec.builder("--out").paramLabel("FILE").type(Path.class)
        .description("Appends every report to FILE as JSON Lines, each page synced before it is deleted.")
        .build();
  }

  @Override
  public ChosenSink choose(OptionSpec given, Map<String, String> environment) {
    Path out = given.getValue();
    return new ChosenSink(out.toAbsolutePath().toString(), session -> FileSink.open(out, session));
  }
}
