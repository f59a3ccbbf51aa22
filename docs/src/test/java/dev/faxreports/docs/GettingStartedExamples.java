package dev.faxreports.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faxreports.DeletionsResult;
import dev.faxreports.DrainSummary;
import dev.faxreports.FaxReports;
import dev.faxreports.model.Credentials;
import dev.faxreports.model.DataCenter;
import dev.faxreports.model.FaxReport;
import dev.faxreports.model.Region;
import dev.faxreports.transport.feign.FeignTransportProvider;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GettingStartedExamples {

  @Test
  @SuppressWarnings("try") // the snippet shows the try-with-resources a user writes around their calls
  void connect() {
    String customerNumber = "12345";
    String user = "user";
    String password = "password";
    // tag::connect[]
    try (FaxReports reports = FaxReports.builder()
        .region(Region.EUROPE)                        // DE1 and DE2, queried in parallel
        .customerNumber(customerNumber)
        .credentials(new Credentials(user, password))
        .transport(new FeignTransportProvider())      // or any FaxReportsTransportProvider
        .build()) {
      // use reports: list, get, getMany, deleteMany, drain …
    }
    // end::connect[]
  }

  @Test
  void everyday() {
    try (Fixture fixture = new Fixture().seed(1_500); FaxReports reports = fixture.reports()) {
      Archive archive = new Archive();
      String jobId = "DE100000007";
      List<String> jobIds = List.of("DE200000001", "DE200000002");
      // tag::everyday[]
      Optional<FaxReport> one = reports.get(jobId);          // from whichever data center has it
      DeletionsResult deleted = reports.deleteMany(jobIds);  // any count, chunked by 1000

      // Export everything, then delete exactly what was exported, page by page.
      DrainSummary summary = reports.drain(page -> archive.store(page.reports()));
      System.out.println(summary.exported() + " reports exported");
      // end::everyday[]
      assertThat(one).isPresent();
      assertThat(deleted.deletedCount()).isEqualTo(2);
      assertThat(summary.exported()).isEqualTo(2_998);
      assertThat(archive.stored).hasSize(2_998);
      assertThat(fixture.fake.reports(DataCenter.DE1)).isEmpty();
    }
  }
}
