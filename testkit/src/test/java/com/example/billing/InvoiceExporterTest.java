package com.example.billing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faxreports.FaxReports;
import dev.faxreports.model.DataCenter;
import dev.faxreports.testkit.FakeFaxService;
import dev.faxreports.testkit.Fault;
import dev.faxreports.testkit.Operation;
import org.junit.jupiter.api.Test;

/** The downstream unit test the README shows: the real facade over the fake, under 15 lines. */
class InvoiceExporterTest {

  // tag::test[]
  @Test
  void billsEveryReportOfEveryDataCenterEvenWhenTheServiceHiccups() {
    FakeFaxService fake = FakeFaxService.europe();
    fake.seedSamples(DataCenter.DE1, 1_500);
    fake.seedSamples(DataCenter.DE2, 700);
    fake.faults().failNext(Operation.LIST, 2, Fault.unavailable());

    try (FaxReports reports = fake.facade()) {
      assertThat(new InvoiceExporter(reports).exportAll()).hasSize(2_200);
    }
    assertThat(fake.reports(DataCenter.DE1)).isEmpty();
    assertThat(fake.reports(DataCenter.DE2)).isEmpty();
  }
  // end::test[]
}
