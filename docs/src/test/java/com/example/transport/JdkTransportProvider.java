package com.example.transport;

import dev.faxreports.port.FaxReportsTransport;
import dev.faxreports.port.FaxReportsTransportProvider;
import dev.faxreports.port.TransportSettings;

// tag::provider[]
/** Makes the JDK transport available to {@link java.util.ServiceLoader} as {@code jdk}. */
public final class JdkTransportProvider implements FaxReportsTransportProvider {

  public static final String NAME = "jdk";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public FaxReportsTransport create(TransportSettings settings) {
    return new JdkTransport(settings);
  }
}
// end::provider[]
