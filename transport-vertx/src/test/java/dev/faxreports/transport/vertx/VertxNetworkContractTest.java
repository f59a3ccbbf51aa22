package dev.faxreports.transport.vertx;

import dev.faxreports.port.FaxReportsTransportProvider;
import dev.faxreports.testkit.contract.NetworkContract;

/** Proxies, private CAs, client certificates and the User-Agent, through a real Squid. */
class VertxNetworkContractTest extends NetworkContract {
  @Override
  protected FaxReportsTransportProvider provider() {
    return new VertxTransportProvider();
  }
}
