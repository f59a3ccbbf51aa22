package dev.faxreports.cli.command;

import dev.faxreports.FaxReports;
import dev.faxreports.ReportsResult;
import dev.faxreports.cli.ExitCodes;
import dev.faxreports.cli.FaxReportsCommand;
import dev.faxreports.cli.Session;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** The {@code get} command. */
@Command(name = "get", mixinStandardHelpOptions = true,
    description = "The report of one job, from whichever data center has it.")
public final class GetCommand implements Callable<Integer> {

  @ParentCommand FaxReportsCommand top;

  @Parameters(paramLabel = "JOBID", description = "The job's ID.")
  String jobId;

  @Override
  public Integer call() {
    Session session = top.session();
    try (FaxReports reports = top.open()) {
      ReportsResult result = reports.getMany(List.of(jobId));
      JsonLines.reports(session.out(), result);
      if (!result.reports().isEmpty()) {
        return ExitCodes.SUCCESS; // a job lives in one data center: found is the whole answer
      }
      if (result.isComplete()) {
        session.say("job " + jobId + " was found in no data center");
        return ExitCodes.NOT_FOUND;
      }
      return ExitCodes.of(result, session); // not found where asked, and another did not answer
    }
  }
}
