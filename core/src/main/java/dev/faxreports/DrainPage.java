package dev.faxreports;

import dev.faxreports.model.DataCenter;
import dev.faxreports.model.FaxReport;
import java.util.List;

/**
 * One page of reports handed to a {@link DrainHandler}: what one data center listed in one round.
 *
 * @param dataCenter where the reports live
 * @param reports up to 1000 reports, oldest first
 * @param round the data center's round, from 1; a report can come again in a later round if its
 *     acknowledgement failed (at-least-once)
 */
public record DrainPage(DataCenter dataCenter, List<FaxReport> reports, int round) {
  public DrainPage {
    reports = List.copyOf(reports);
  }
}
