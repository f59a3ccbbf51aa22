package dev.faxreports.cli;

import dev.faxreports.DeletionsResult;
import dev.faxreports.FaxReports;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "bulk-delete", mixinStandardHelpOptions = true,
    description = "Deletes the reports of many jobs in every data center; one {jobId, deleted, reason} line per ID.")
final class BulkDeleteCommand implements Callable<Integer> {

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
      DeletionsResult result = reports.deleteMany(jobIds);
      JsonLines.deletions(session.out(), result.results());
      return ExitCodes.of(result, session);
    }
  }
}
