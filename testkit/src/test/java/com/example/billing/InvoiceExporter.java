package com.example.billing;

import dev.faxreports.FaxReports;
import dev.faxreports.model.FaxReport;
import java.util.ArrayList;
import java.util.List;

/** A user's class under test: bills every delivered page, then clears the service. */
public class InvoiceExporter {
  private final FaxReports reports;

  public InvoiceExporter(FaxReports reports) {
    this.reports = reports;
  }

  /** The page counts billed, one per report. */
  public List<Integer> exportAll() {
    List<Integer> billed = new ArrayList<>();
    reports.drain(page -> page.reports().stream()
        .map(FaxReport::pageCount)
        .forEach(pages -> billed.add(pages.orElse(0))));
    return billed;
  }
}
