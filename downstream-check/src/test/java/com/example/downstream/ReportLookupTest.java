package com.example.downstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faxreports.FaxReports;
import dev.faxreports.model.DataCenter;
import dev.faxreports.testkit.FakeFaxService;
import dev.faxreports.testkit.Fault;
import dev.faxreports.testkit.Operation;
import org.junit.jupiter.api.Test;

/** A user's unit test: the real facade over the fake, with nothing but the testkit and JUnit. */
class ReportLookupTest {

  @Test
  void aReportIsFoundAndDeletedInTheDataCenterThatHasItThroughAHiccup() {
    FakeFaxService fake = FakeFaxService.europe();
    String jobId = fake.seedSamples(DataCenter.DE2, 3).get(1).jobId();
    fake.faults().failNext(Operation.FETCH, 1, Fault.unavailable());

    try (FaxReports reports = fake.facade()) {
      assertEquals(jobId, reports.get(jobId).orElseThrow().jobId());
      assertTrue(reports.delete(jobId).deleted());
    }
    assertEquals(2, fake.reports(DataCenter.DE2).size());
  }
}
