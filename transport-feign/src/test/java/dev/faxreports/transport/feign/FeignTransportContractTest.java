package dev.faxreports.transport.feign;

import dev.faxreports.testkit.FakeFaxService;
import dev.faxreports.testkit.contract.ContractSubject;
import dev.faxreports.testkit.contract.TransportContract;

/** The SPI contract, Feign against the HTTP fake server. */
class FeignTransportContractTest extends TransportContract {
  @Override
  protected ContractSubject subject(FakeFaxService service) {
    return ContractSubject.overHttp(service, new FeignTransportProvider());
  }
}
