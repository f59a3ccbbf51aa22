package dev.faxreports.transport.feign;

import dev.faxreports.port.FaxReportsTransportProvider;
import dev.faxreports.testkit.contract.NetworkContract;

/** Proxies, private CAs, client certificates and the User-Agent, through a real Squid. */
class FeignNetworkContractTest extends NetworkContract {
  @Override
  protected FaxReportsTransportProvider provider() {
    return new FeignTransportProvider();
  }
}
