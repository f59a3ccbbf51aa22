package dev.faxreports.cli.command;

import dev.faxreports.DeletionsResult;
import dev.faxreports.FaxReports;
import dev.faxreports.cli.ExitCodes;
import dev.faxreports.cli.FaxReportsCommand;
import dev.faxreports.cli.Session;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** The {@code delete-oldest} command. */
@Command(name = "delete-oldest", mixinStandardHelpOptions = true,
    description = {"Deletes up to the oldest 1000 reports in every data center, unseen.",
        "Prefer 'drain': it deletes only what it exported."})
public final class DeleteOldestCommand implements Callable<Integer> {

  @ParentCommand FaxReportsCommand top;

  @Override
  public Integer call() {
    Session session = top.session();
    try (FaxReports reports = top.open()) {
      DeletionsResult result = reports.deleteOldest();
      JsonLines.deleted(session.out(), result);
      return ExitCodes.of(result, session);
    }
  }
}
