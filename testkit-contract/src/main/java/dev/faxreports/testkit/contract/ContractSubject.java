package dev.faxreports.testkit.contract;

import dev.faxreports.model.Credentials;
import dev.faxreports.model.DataCenter;
import dev.faxreports.port.FaxReportsTransport;
import dev.faxreports.port.FaxReportsTransportProvider;
import dev.faxreports.port.TransportSettings;
import dev.faxreports.testkit.FakeFaxServer;
import dev.faxreports.testkit.FakeFaxService;
import java.time.Duration;
import java.util.List;

/**
 * What the contract suite runs against: a transport and the data centers it addresses, both over
 * one {@link FakeFaxService} that the suite seeds, faults and inspects.
 */
public interface ContractSubject extends AutoCloseable {

  /** The customer number the HTTP fake server expects. */
  String CUSTOMER_NUMBER = "12345";

  /** Credentials with non-ASCII characters and colons, to prove UTF-8 Basic auth. */
  Credentials CREDENTIALS = new Credentials("fax-üser", "pässwörd:with:colons-✓");

  /** Settings for a transport under test: short timeouts keep stalled calls short. */
  TransportSettings SETTINGS = new TransportSettings(
      CUSTOMER_NUMBER, CREDENTIALS, Duration.ofSeconds(1), Duration.ofSeconds(2), 8,
      TransportSettings.DEFAULT_MAX_RESPONSE_BYTES);

  FaxReportsTransport transport();

  /** The data centers as the transport addresses them, in the fake's order. */
  List<DataCenter> dataCenters();

  @Override
  void close();

  /** The in-memory fake as its own transport. */
  static ContractSubject inMemory(FakeFaxService service) {
    return new ContractSubject() {
      @Override
      public FaxReportsTransport transport() {
        return service;
      }

      @Override
      public List<DataCenter> dataCenters() {
        return service.dataCenters();
      }

      @Override
      public void close() {}
    };
  }

  /** A real transport, created by {@code provider}, talking HTTP to the fake over loopback. */
  static ContractSubject overHttp(FakeFaxService service, FaxReportsTransportProvider provider) {
    FakeFaxServer server = FakeFaxServer.start(service, CUSTOMER_NUMBER, CREDENTIALS);
    FaxReportsTransport transport;
    try {
      transport = provider.create(SETTINGS);
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
    return new ContractSubject() {
      @Override
      public FaxReportsTransport transport() {
        return transport;
      }

      @Override
      public List<DataCenter> dataCenters() {
        return server.dataCenters();
      }

      @Override
      public void close() {
        try {
          transport.close();
        } finally {
          server.close();
        }
      }
    };
  }
}
