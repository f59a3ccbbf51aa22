package dev.faxreports.testkit;

import dev.faxreports.testkit.contract.ContractSubject;
import dev.faxreports.testkit.contract.TransportContract;

/** The in-memory fake is its own transport and passes the SPI contract. */
class InMemoryTransportContractTest extends TransportContract {
  @Override
  protected ContractSubject subject(FakeFaxService service) {
    return ContractSubject.inMemory(service);
  }
}
