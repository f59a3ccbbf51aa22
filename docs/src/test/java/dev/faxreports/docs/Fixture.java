package dev.faxreports.docs;

import dev.faxreports.FaxReports;
import dev.faxreports.FaxReportsBuilder;
import dev.faxreports.model.Credentials;
import dev.faxreports.model.DataCenter;
import dev.faxreports.testkit.FakeFaxServer;
import dev.faxreports.testkit.FakeFaxService;
import dev.faxreports.transport.feign.FeignTransportProvider;

/** The fake service over loopback HTTP that the examples run against instead of Retarus. */
final class Fixture implements AutoCloseable {
  static final String CUSTOMER = "12345";
  static final Credentials CREDENTIALS = new Credentials("docs", "docs-password");

  final FakeFaxService fake = FakeFaxService.europe();
  final FakeFaxServer server = FakeFaxServer.start(fake, CUSTOMER, CREDENTIALS);

  Fixture seed(int perDataCenter) {
    fake.seedSamples(DataCenter.DE1, perDataCenter);
    fake.seedSamples(DataCenter.DE2, perDataCenter);
    return this;
  }

  /** What the guide's {@code reports} stands for: a facade, here over the fake. */
  FaxReports reports() {
    return builder().build();
  }

  /** What the guide's {@code FaxReports.builder()...} stands for: a builder aimed at the fake. */
  FaxReportsBuilder builder() {
    return FaxReports.builder().dataCenters(server.dataCenters()).customerNumber(CUSTOMER)
        .credentials(CREDENTIALS).transport(new FeignTransportProvider());
  }

  @Override
  public void close() {
    server.close();
  }
}
