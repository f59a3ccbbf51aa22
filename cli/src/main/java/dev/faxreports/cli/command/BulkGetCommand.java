package dev.faxreports.cli.command;

import dev.faxreports.FaxReports;
import dev.faxreports.ReportsResult;
import dev.faxreports.cli.ExitCodes;
import dev.faxreports.cli.FaxReportsCommand;
import dev.faxreports.cli.Session;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** The {@code bulk-get} command. */
@Command(name = "bulk-get", mixinStandardHelpOptions = true,
    description = "The reports of many jobs (any number: sent in chunks of 1000); unknown IDs are left out.")
public final class BulkGetCommand implements Callable<Integer> {

  @ParentCommand FaxReportsCommand top;

  @Mixin JobIds jobIds;

  @Override
  public Integer call() {
    Session session = top.session();
    List<String> ids = jobIds.read();
    try (FaxReports reports = top.open()) {
      ReportsResult result = reports.getMany(ids);
      JsonLines.reports(session.out(), result);
      return ExitCodes.of(result, session);
    }
  }
}
