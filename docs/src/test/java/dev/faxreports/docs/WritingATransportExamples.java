package dev.faxreports.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faxreports.FaxReports;
import dev.faxreports.model.DataCenter;
import org.junit.jupiter.api.Test;

/** The "Writing a transport" page: the example transport, chosen by its name like the others. */
class WritingATransportExamples {

  @Test
  void theExampleTransportIsChosenByItsName() {
    try (Fixture fixture = new Fixture().seed(2)) {
      // tag::by-name[]
      try (FaxReports reports = FaxReports.builder()
          .dataCenters(fixture.server.dataCenters())
          .customerNumber(Fixture.CUSTOMER)
          .credentials(Fixture.CREDENTIALS)
          .transportName("jdk")                  // or retarus.fax.transport=jdk
          .build()) {
        System.out.println(reports.list().reports().size() + " reports, through the jdk transport");
      }
      // end::by-name[]
      assertThat(fixture.server.requests()).hasSize(2).extracting(request -> request.header("User-Agent"))
          .allSatisfy(agent -> assertThat(agent).contains("(jdk; Java"));
      assertThat(fixture.fake.reports(DataCenter.DE1)).hasSize(2);
    }
  }
}
