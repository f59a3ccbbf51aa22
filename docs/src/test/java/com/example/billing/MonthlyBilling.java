package com.example.billing;

import dev.faxreports.FaxReports;
import dev.faxreports.model.FaxReport;

/** Application code in the ArchUnit example: it sees the facade and the model only. */
public class MonthlyBilling {
  private final FaxReports reports;

  public MonthlyBilling(FaxReports reports) {
    this.reports = reports;
  }

  public long pages() {
    return reports.list().reports().stream().mapToInt(r -> r.pageCount().orElse(0)).sum();
  }

  static String describe(FaxReport report) {
    return report.jobId();
  }
}
