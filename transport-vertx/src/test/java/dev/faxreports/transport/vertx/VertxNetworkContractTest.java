package dev.faxreports.transport.vertx;

import dev.faxreports.port.FaxReportsTransportProvider;
import dev.faxreports.testsupport.network.NetworkContract;

/** Proxies, private CAs, client certificates and the User-Agent, through a real forward proxy. */
class VertxNetworkContractTest extends NetworkContract {
  @Override
  protected FaxReportsTransportProvider provider() {
    return new VertxTransportProvider();
  }
}
