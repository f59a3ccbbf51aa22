package dev.faxreports.cli.command;

import dev.faxreports.FaxReports;
import dev.faxreports.ReportsResult;
import dev.faxreports.cli.ExitCodes;
import dev.faxreports.cli.FaxReportsCommand;
import dev.faxreports.cli.Session;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** The {@code list} command. */
@Command(name = "list", mixinStandardHelpOptions = true,
    description = "Every data center's available reports (the oldest 1000 of each), oldest first.")
public final class ListCommand implements Callable<Integer> {

  @ParentCommand FaxReportsCommand top;

  @Override
  public Integer call() {
    Session session = top.session();
    try (FaxReports reports = top.open()) {
      ReportsResult result = reports.list();
      JsonLines.reports(session.out(), result);
      return ExitCodes.of(result, session);
    }
  }
}
