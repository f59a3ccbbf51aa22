package dev.faxreports.cli.command;

import dev.faxreports.DeletionsResult;
import dev.faxreports.ReportsResult;
import dev.faxreports.model.DataCenter;
import dev.faxreports.model.DeletionResult;
import dev.faxreports.model.FaxReport;
import dev.faxreports.wire.WireFormat;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Results as JSON Lines on stdout, in the API's field names plus {@code "dataCenter"}. */
final class JsonLines {
  private JsonLines() {}

  static void reports(PrintStream out, ReportsResult result) {
    Map<String, String> dataCenterOf = new HashMap<>();
    result.byDataCenter().forEach((dc, reports) -> reports.forEach(r -> dataCenterOf.putIfAbsent(r.jobId(), dc.name())));
    for (FaxReport report : result.reports()) {
      out.writeBytes(WireFormat.writeReportLine(report, dataCenterOf.get(report.jobId())));
    }
    out.flush();
  }

  /** One line per job, merged over data centers. */
  static void deletions(PrintStream out, List<DeletionResult> results) {
    results.forEach(result -> out.writeBytes(WireFormat.writeDeletionLine(result, null)));
    out.flush();
  }

  /** One line per report deleted, with the data center it was deleted in. */
  static void deleted(PrintStream out, DeletionsResult result) {
    for (Map.Entry<DataCenter, List<DeletionResult>> entry : result.byDataCenter().entrySet()) {
      entry.getValue().stream().filter(DeletionResult::deleted)
          .forEach(r -> out.writeBytes(WireFormat.writeDeletionLine(r, entry.getKey().name())));
    }
    out.flush();
  }
}
