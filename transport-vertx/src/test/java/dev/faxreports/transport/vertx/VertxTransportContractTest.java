package dev.faxreports.transport.vertx;

import dev.faxreports.testkit.FakeFaxService;
import dev.faxreports.testkit.contract.ContractSubject;
import dev.faxreports.testkit.contract.TransportContract;

/** The SPI contract, Vert.x against the HTTP fake server. */
class VertxTransportContractTest extends TransportContract {
  @Override
  protected ContractSubject subject(FakeFaxService service) {
    return ContractSubject.overHttp(service, new VertxTransportProvider());
  }
}
