package dev.faxreports.transport.feign;

import dev.faxreports.testkit.FakeFaxService;
import dev.faxreports.testkit.contract.ContractSubject;
import dev.faxreports.testkit.contract.FacadeContract;

/** The service rules through the facade, Feign against the HTTP fake server. */
class FeignFacadeContractTest extends FacadeContract {
  @Override
  protected ContractSubject subject(FakeFaxService service) {
    return ContractSubject.overHttp(service, new FeignTransportProvider());
  }
}
