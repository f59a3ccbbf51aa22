package dev.faxreports.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faxreports.FaxReports;
import dev.faxreports.ReportsResult;
import dev.faxreports.model.DataCenter;
import dev.faxreports.model.FaxReport;
import dev.faxreports.testkit.Fault;
import dev.faxreports.testkit.Operation;
import org.junit.jupiter.api.Test;

class DataCenterExamples {

  @Test
  void partialResults() {
    try (Fixture fixture = new Fixture().seed(10); FaxReports reports = fixture.reports()) {
      fixture.fake.faults().failNext(DataCenter.DE2, Operation.LIST, 10, Fault.unavailable());
      // tag::partial[]
      ReportsResult listed = reports.list();
      for (FaxReport report : listed.reports()) {
        System.out.println(report.jobId() + " in " + listed.dataCenterOf(report.jobId()).orElseThrow().name());
      }
      listed.failures().forEach((dataCenter, why) ->
          System.err.println(dataCenter.name() + " did not answer: " + why.getMessage()));
      // end::partial[]
      assertThat(listed.reports()).hasSize(10);
      assertThat(listed.failures()).hasSize(1);
    }
  }
}
