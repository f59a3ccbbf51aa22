package dev.faxreports.cli;

import dev.faxreports.FaxReports;
import dev.faxreports.ReportsResult;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "bulk-get", mixinStandardHelpOptions = true,
    description = "The reports of many jobs (any number: sent in chunks of 1000); unknown IDs are left out.")
final class BulkGetCommand implements Callable<Integer> {

  @ParentCommand FaxReportsCommand top;

  @Option(names = "--ids-file", paramLabel = "FILE", description = "Job IDs, one per line.")
  Path idsFile;

  @Parameters(paramLabel = "JOBID", arity = "0..*", description = "Job IDs.")
  List<String> ids;

  @Override
  public Integer call() {
    Session session = top.session();
    List<String> jobIds = JobIds.from(ids, idsFile);
    try (FaxReports reports = top.open()) {
      ReportsResult result = reports.getMany(jobIds);
      JsonLines.reports(session.out(), result);
      return ExitCodes.of(result, session);
    }
  }
}
