package dev.faxreports.guice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faxreports.FaxReports;
import dev.faxreports.config.ConfigSource;
import dev.faxreports.model.DataCenter;
import dev.faxreports.model.FaxReport;
import dev.faxreports.testkit.FakeFaxServer;
import dev.faxreports.testkit.FakeFaxService;
import dev.faxreports.testkit.Fault;
import dev.faxreports.testkit.Operation;
import dev.faxreports.testkit.contract.ContractSubject;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The same scenario twice against the HTTP fake server; only retarus.fax.transport changes. */
class TransportSwitchTest {

  @ParameterizedTest
  @ValueSource(strings = {"feign", "vertx"})
  void theSameScenarioOverEitherTransport(String transport) {
    FakeFaxService fake = FakeFaxService.europe();
    List<FaxReport> inDe1 = fake.seedSamples(DataCenter.DE1, 700);
    List<FaxReport> inDe2 = fake.seedSamples(DataCenter.DE2, 500);
    fake.faults().failNext(Operation.LIST, 1, Fault.unavailable());

    try (FakeFaxServer server = FakeFaxServer.start(fake, ContractSubject.CUSTOMER_NUMBER, ContractSubject.CREDENTIALS);
         FaxReports reports = FaxReports.fromConfiguration(ConfigSource.of(settings(transport, server)))) {

      assertThat(reports.toString()).containsIgnoringCase("transport=" + transport + "Transport");
      assertThat(reports.list().reports()).hasSize(1_200);
      assertThat(reports.getMany(List.of(inDe1.get(3).jobId(), inDe2.get(4).jobId(), "NOWHERE")).reports())
          .containsExactly(inDe1.get(3), inDe2.get(4));
      assertThat(reports.deleteMany(List.of(inDe1.get(0).jobId(), inDe2.get(0).jobId(), "NOWHERE")).deletedCount())
          .isEqualTo(2);
      assertThat(reports.drain(page -> { }).acknowledged()).isEqualTo(1_198);
    }
    assertThat(fake.reports(DataCenter.DE1)).isEmpty();
    assertThat(fake.reports(DataCenter.DE2)).isEmpty();
  }

  static Map<String, String> settings(String transport, FakeFaxServer server) {
    return Map.of(
        "retarus.fax.transport", transport,
        "retarus.fax.endpoints", server.dataCenters().stream()
            .map(dc -> dc.baseUri().toString()).collect(Collectors.joining(",")),
        "retarus.fax.customer-number", ContractSubject.CUSTOMER_NUMBER,
        "retarus.fax.username", ContractSubject.CREDENTIALS.username(),
        "retarus.fax.password", ContractSubject.CREDENTIALS.password(),
        "retarus.fax.request-timeout", "PT5S");
  }
}
