package dev.faxreports.cli.command;

import dev.faxreports.error.InvalidArgumentException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The job IDs of a bulk command, as a picocli mixin: arguments, and an ID file with one per line
 * (blank lines and # comments skipped).
 */
final class JobIds {

  @Option(names = "--ids-file", paramLabel = "FILE", description = "Job IDs, one per line.")
  Path idsFile;

  @Parameters(paramLabel = "JOBID", arity = "0..*", description = "Job IDs.")
  List<String> arguments;

  /** Every ID given, in order; none at all is a usage error. */
  List<String> read() {
    List<String> ids = new ArrayList<>(arguments == null ? List.of() : arguments);
    if (idsFile != null) {
      try {
        for (String line : Files.readAllLines(idsFile, StandardCharsets.UTF_8)) {
          String id = line.strip();
          if (!id.isEmpty() && !id.startsWith("#")) {
            ids.add(id);
          }
        }
      } catch (IOException e) {
        throw new InvalidArgumentException("cannot read --ids-file " + idsFile + ": "
            + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
      }
    }
    if (ids.isEmpty()) {
      throw new InvalidArgumentException("no job IDs: give them as arguments or with --ids-file FILE");
    }
    return ids;
  }
}
