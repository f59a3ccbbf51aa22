package dev.faxreports.transport.vertx;

import dev.faxreports.port.FaxReportsTransport;
import dev.faxreports.port.FaxReportsTransportProvider;
import dev.faxreports.port.TransportSettings;

/**
 * Makes the Vert.x transport available to {@link java.util.ServiceLoader} as {@code vertx}. It
 * creates (and closes) a {@link io.vertx.core.Vertx} of its own; to share yours, use {@link
 * VertxTransport#create(io.vertx.core.Vertx, TransportSettings)}.
 */
public final class VertxTransportProvider implements FaxReportsTransportProvider {

  public static final String NAME = "vertx";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public FaxReportsTransport create(TransportSettings settings) {
    return VertxTransport.create(settings);
  }
}
