package dev.faxreports.transport.feign;

import dev.faxreports.port.FaxReportsTransport;
import dev.faxreports.port.FaxReportsTransportProvider;
import dev.faxreports.port.TransportSettings;

/** Makes the Feign transport available to {@link java.util.ServiceLoader} as {@code feign}. */
public final class FeignTransportProvider implements FaxReportsTransportProvider {

  public static final String NAME = "feign";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public FaxReportsTransport create(TransportSettings settings) {
    return FeignTransport.create(settings);
  }
}
