package dev.faxreports.testkit;

import dev.faxreports.testkit.contract.ContractSubject;
import dev.faxreports.testkit.contract.FacadeContract;

/** The facade over the in-memory fake follows every service rule. */
class InMemoryFacadeContractTest extends FacadeContract {
  @Override
  protected ContractSubject subject(FakeFaxService service) {
    return ContractSubject.inMemory(service);
  }
}
