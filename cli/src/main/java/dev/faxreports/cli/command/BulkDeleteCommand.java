package dev.faxreports.cli.command;

import dev.faxreports.DeletionsResult;
import dev.faxreports.FaxReports;
import dev.faxreports.cli.ExitCodes;
import dev.faxreports.cli.FaxReportsCommand;
import dev.faxreports.cli.Session;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** The {@code bulk-delete} command. */
@Command(name = "bulk-delete", mixinStandardHelpOptions = true,
    description = "Deletes the reports of many jobs in every data center; one {jobId, deleted, reason} line per ID.")
public final class BulkDeleteCommand implements Callable<Integer> {

  @ParentCommand FaxReportsCommand top;

  @Mixin JobIds jobIds;

  @Override
  public Integer call() {
    Session session = top.session();
    List<String> ids = jobIds.read();
    try (FaxReports reports = top.open()) {
      DeletionsResult result = reports.deleteMany(ids);
      JsonLines.deletions(session.out(), result.results());
      return ExitCodes.of(result, session);
    }
  }
}
