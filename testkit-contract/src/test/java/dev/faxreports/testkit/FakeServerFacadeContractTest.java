package dev.faxreports.testkit;

import dev.faxreports.testkit.contract.ContractSubject;
import dev.faxreports.testkit.contract.FacadeContract;

/** The facade over HTTP to the fake server follows every service rule. */
class FakeServerFacadeContractTest extends FacadeContract {
  @Override
  protected ContractSubject subject(FakeFaxService service) {
    return ContractSubject.overHttp(service, JdkHttpTransport.PROVIDER);
  }
}
