package dev.faxreports.benchmarks;

import dev.faxreports.DrainHandler;
import dev.faxreports.DrainSummary;
import dev.faxreports.FaxReports;
import dev.faxreports.FaxReportsBuilder;
import dev.faxreports.observe.FaxReportsObserver;
import dev.faxreports.model.Credentials;
import dev.faxreports.model.DataCenter;
import dev.faxreports.port.TlsSettings;
import dev.faxreports.testkit.FakeFaxServer;
import dev.faxreports.testkit.FakeFaxService;
import dev.faxreports.testsupport.tls.TestCertificates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One drain of the fake's reports over loopback, in this JVM, in one of three wire set-ups: plain
 * HTTP with identity answers, plain HTTP with gzipped answers, HTTPS with identity answers.
 * Measures the time and the answer bytes the server put on the wire.
 */
final class NetworkDrains {

  /** How the answers travel. */
  enum Wire { IDENTITY, GZIP, TLS }

  /** What one drain cost. */
  record Measured(long reports, double seconds, long bodyBytes) {
    double reportsPerSecond() {
      return reports / seconds;
    }
  }

  private final String customer;
  private final Credentials credentials;
  private final TestCertificates certificates = TestCertificates.generate("localhost");
  private final Path authority;

  NetworkDrains(String customer, Credentials credentials) throws IOException {
    this.customer = customer;
    this.credentials = credentials;
    this.authority = certificates.writeAuthorityPem(Files.createTempFile("bench-ca", ".pem"));
    authority.toFile().deleteOnExit();
  }

  Measured drain(String transport, Wire wire, int perDataCenter) {
    return drain(transport, wire, perDataCenter, null);
  }

  /** The same drain with {@code observer} registered on the facade ({@code null}: none). */
  Measured drain(String transport, Wire wire, int perDataCenter, FaxReportsObserver observer) {
    return drain(transport, wire, perDataCenter, observer, page -> { });
  }

  /** The same drain into {@code handler} instead of discarding the pages. */
  Measured drain(String transport, Wire wire, int perDataCenter, FaxReportsObserver observer, DrainHandler handler) {
    FakeFaxService fake = FakeFaxService.europe();
    fake.seedSamples(DataCenter.DE1, perDataCenter);
    fake.seedSamples(DataCenter.DE2, perDataCenter);
    try (FakeFaxServer server = wire == Wire.TLS
        ? FakeFaxServer.startHttps(fake, customer, credentials, certificates.serverTls("localhost"))
        : FakeFaxServer.start(fake, customer, credentials)) {
      server.gzipWhenAsked(wire == Wire.GZIP);
      FaxReportsBuilder builder = FaxReports.builder().dataCenters(server.dataCenters()).customerNumber(customer)
          .credentials(credentials).transportName(transport).noProxy()
          .tls(wire == Wire.TLS ? TlsSettings.trusting(authority, null) : TlsSettings.DEFAULT);
      if (observer != null) {
        builder.observer(observer);
      }
      try (FaxReports reports = builder.build()) {
        long start = System.nanoTime();
        DrainSummary summary = reports.drain(handler);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (summary.acknowledged() != 2L * perDataCenter) {
          throw new IllegalStateException(transport + " over " + wire + " drained " + summary.acknowledged());
        }
        return new Measured(summary.acknowledged(), seconds, server.bodyBytesSent());
      }
    }
  }
}
