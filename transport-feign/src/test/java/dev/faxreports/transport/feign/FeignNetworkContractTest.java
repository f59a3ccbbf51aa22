package dev.faxreports.transport.feign;

import dev.faxreports.port.FaxReportsTransportProvider;
import dev.faxreports.testsupport.network.NetworkContract;

/** Proxies, private CAs, client certificates and the User-Agent, through a real forward proxy. */
class FeignNetworkContractTest extends NetworkContract {
  @Override
  protected FaxReportsTransportProvider provider() {
    return new FeignTransportProvider();
  }
}
