package com.example.app;

import dev.faxreports.FaxReports;
import dev.faxreports.model.FaxReport;
import java.util.List;

/** Downstream code that follows the rule: the facade and the model only. */
public class ReportArchiver {
  private final FaxReports reports;

  public ReportArchiver(FaxReports reports) {
    this.reports = reports;
  }

  public List<FaxReport> snapshot() {
    return reports.list().reports();
  }
}
