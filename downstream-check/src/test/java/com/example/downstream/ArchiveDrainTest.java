package com.example.downstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faxreports.FaxReports;
import dev.faxreports.model.DataCenter;
import dev.faxreports.testkit.FakeFaxService;
import dev.faxreports.testkit.Fault;
import dev.faxreports.testkit.Operation;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A user's unit test: the real facade over the fake, with nothing but the testkit and JUnit. */
class ArchiveDrainTest {

  @Test
  void aDrainArchivesEveryReportOfEveryDataCenterThroughAHiccup() {
    FakeFaxService fake = FakeFaxService.europe();
    fake.seedSamples(DataCenter.DE1, 1_200);
    fake.seedSamples(DataCenter.DE2, 300);
    fake.faults().failNext(Operation.LIST, 1, Fault.unavailable());
    Set<String> archived = new HashSet<>();

    try (FaxReports reports = fake.facade()) {
      reports.drain(page -> page.reports().forEach(report -> archived.add(report.jobId())));
    }

    assertEquals(1_500, archived.size());
    assertTrue(fake.reports(DataCenter.DE1).isEmpty() && fake.reports(DataCenter.DE2).isEmpty());
  }
}
