package dev.faxreports.port;

import dev.faxreports.model.Credentials;
import java.time.Duration;
import java.util.Objects;

/**
 * What a transport needs to reach the service. {@link #toString()} redacts the password.
 *
 * @param customerNumber the {@code custNr} path segment, already validated
 * @param credentials Basic-auth credentials
 * @param connectTimeout how long opening a connection may take
 * @param requestTimeout how long one request may take from send to the end of the body
 * @param maxConnectionsPerDataCenter a hint for pool sizes; fan-out needs only a few per data
 *     center
 */
public record TransportSettings(
    String customerNumber,
    Credentials credentials,
    Duration connectTimeout,
    Duration requestTimeout,
    int maxConnectionsPerDataCenter) {

  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
  public static final int DEFAULT_MAX_CONNECTIONS_PER_DATA_CENTER = 8;

  public TransportSettings {
    Objects.requireNonNull(customerNumber, "customerNumber");
    Objects.requireNonNull(credentials, "credentials");
    requirePositive(connectTimeout, "connectTimeout");
    requirePositive(requestTimeout, "requestTimeout");
    if (maxConnectionsPerDataCenter < 1) {
      throw new IllegalArgumentException("maxConnectionsPerDataCenter must be at least 1");
    }
  }

  /** Settings with the default timeouts and pool size. */
  public static TransportSettings of(String customerNumber, Credentials credentials) {
    return new TransportSettings(customerNumber, credentials, DEFAULT_CONNECT_TIMEOUT,
        DEFAULT_REQUEST_TIMEOUT, DEFAULT_MAX_CONNECTIONS_PER_DATA_CENTER);
  }

  static void requirePositive(Duration value, String name) {
    if (value == null || value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(name + " must be a positive duration, was " + value);
    }
  }
}
