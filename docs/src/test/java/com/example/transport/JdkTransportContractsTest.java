package com.example.transport;

import dev.faxreports.port.FaxReportsTransportProvider;
import dev.faxreports.testkit.FakeFaxService;
import dev.faxreports.testkit.contract.ContractSubject;
import dev.faxreports.testkit.contract.FacadeContract;
import dev.faxreports.testkit.contract.HttpTransportContract;
import dev.faxreports.testkit.contract.TransportContract;
import org.junit.jupiter.api.Nested;

/** The "Writing a transport" page's checklist: the example transport passes every contract suite. */
class JdkTransportContractsTest {

  // tag::contracts[]
  /** Every port call, answer shape and failure, against the HTTP fake server. */
  @Nested
  class Spi extends TransportContract {
    @Override
    protected ContractSubject subject(FakeFaxService service) {
      return ContractSubject.overHttp(service, new JdkTransportProvider());
    }
  }

  /** The service's rules through the facade: fan-out, retries, chunking, drain. */
  @Nested
  class ThroughTheFacade extends FacadeContract {
    @Override
    protected ContractSubject subject(FakeFaxService service) {
      return ContractSubject.overHttp(service, new JdkTransportProvider());
    }
  }

  /** What goes on the wire: headers, encoding, redirects, hostile answers, close, the ServiceLoader. */
  @Nested
  class OnTheWire extends HttpTransportContract {
    @Override
    protected FaxReportsTransportProvider provider() {
      return new JdkTransportProvider();
    }

    @Override
    protected String expectedName() {
      return JdkTransportProvider.NAME;
    }
  }
  // end::contracts[]
}
