package dev.faxreports.transport.vertx;

import dev.faxreports.testkit.FakeFaxService;
import dev.faxreports.testkit.contract.ContractSubject;
import dev.faxreports.testkit.contract.FacadeContract;

/** The service rules through the facade, Vert.x against the HTTP fake server. */
class VertxFacadeContractTest extends FacadeContract {
  @Override
  protected ContractSubject subject(FakeFaxService service) {
    return ContractSubject.overHttp(service, new VertxTransportProvider());
  }
}
