package dev.faxreports.transport.feign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faxreports.port.FaxReportsTransportProvider;
import dev.faxreports.testkit.contract.ContractSubject;
import dev.faxreports.testkit.contract.HttpTransportContract;
import org.junit.jupiter.api.Test;

/** The wire-level contract, plus what is Feign's own: its HTTP threads end on close. */
class FeignTransportTest extends HttpTransportContract {

  @Override
  protected FaxReportsTransportProvider provider() {
    return new FeignTransportProvider();
  }

  @Override
  protected String expectedName() {
    return "feign";
  }

  @Test
  void closeStopsTheHttpThreads() {
    FeignTransport transport = FeignTransport.create(ContractSubject.SETTINGS);

    transport.close();

    assertThat(transport.isClosed()).isTrue();
  }
}
