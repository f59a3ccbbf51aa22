package dev.faxreports.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.faxreports.FaxReports;
import dev.faxreports.model.DataCenter;
import dev.faxreports.model.Region;
import dev.faxreports.testkit.FakeFaxServer;
import dev.faxreports.testkit.FakeFaxService;
import dev.faxreports.testkit.Fault;
import dev.faxreports.testkit.Operation;
import dev.faxreports.testkit.arch.FaxReportsArchitecture;
import dev.faxreports.transport.vertx.VertxTransportProvider;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TestkitExamples {

  @Test
  void fake() {
    // tag::fake[]
    FakeFaxService fake = FakeFaxService.builder()
        .region(Region.EUROPE)
        .clock(Clock.systemUTC())                 // inject your own to test the 30-day expiry
        .build();
    fake.seedSamples(DataCenter.DE1, 2_500);      // varied, realistic reports
    fake.faults()
        .failNext(Operation.LIST, 2, Fault.unavailable())
        .failNext(DataCenter.DE2, Operation.BULK_DELETE, 1, Fault.truncatedJson())
        .latency(DataCenter.DE2, Duration.ofMillis(50))
        .rejectUnknownIdsWith404(DataCenter.DE2);

    try (FaxReports reports = fake.facade()) {   // the real facade over the fake
      reports.drain(page -> { });
    }
    System.out.println(fake.calls(Operation.BULK_DELETE).size() + " bulk deletes");
    // end::fake[]
    assertThat(fake.reports(DataCenter.DE1)).isEmpty();
  }

  @Test
  void server() {
    FakeFaxService fake = FakeFaxService.europe();
    fake.seedSamples(DataCenter.DE2, 10);
    // tag::server[]
    try (FakeFaxServer server = FakeFaxServer.start(fake, "12345", Fixture.CREDENTIALS);
         FaxReports reports = FaxReports.builder()
             .dataCenters(server.dataCenters())   // http://127.0.0.1:<port>/rest/v1, one per data center
             .customerNumber("12345")
             .credentials(Fixture.CREDENTIALS)
             .transport(new VertxTransportProvider())
             .build()) {
      System.out.println(reports.list().reports().size());
    }
    // end::server[]
    assertThat(fake.calls(Operation.LIST)).hasSize(2);
  }

  @Test
  void architecture() {
    // tag::archunit[]
    FaxReportsArchitecture
        .applicationUsesOnlyTheFacade("com.example.billing", "com.example.billing.wiring")
        .check(new ClassFileImporter().importPackages("com.example.billing"));
    // end::archunit[]
  }
}
