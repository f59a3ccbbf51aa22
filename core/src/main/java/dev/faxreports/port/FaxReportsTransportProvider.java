package dev.faxreports.port;

/**
 * Creates a transport from settings; found through {@link java.util.ServiceLoader}, so a transport
 * is chosen by adding its module and naming it in configuration.
 */
public interface FaxReportsTransportProvider {

  /** The name users configure, such as {@code feign} or {@code vertx}: lower case, no spaces. */
  String name();

  /** A new transport; the caller owns it and closes it. */
  FaxReportsTransport create(TransportSettings settings);
}
