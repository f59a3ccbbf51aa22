package dev.faxreports.testkit;

import dev.faxreports.testkit.contract.ContractSubject;
import dev.faxreports.testkit.contract.TransportContract;

/** The HTTP fake server, read by a plain JDK client, answers exactly like the in-memory fake. */
class FakeServerTransportContractTest extends TransportContract {
  @Override
  protected ContractSubject subject(FakeFaxService service) {
    return ContractSubject.overHttp(service, JdkHttpTransport.PROVIDER);
  }
}
