package dev.faxreports.port;

import dev.faxreports.model.Credentials;
import dev.faxreports.model.DataCenter;
import java.net.URI;
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
 * @param maxResponseBytes the most bytes one answer may have, error answers included: counted as
 *     they arrive, and again after gzip inflation, so that a huge, endless or highly compressed
 *     answer fails that request with a {@link dev.faxreports.error.ResponseTooLargeException}
 *     instead of exhausting memory. Configured as {@code retarus.fax.max-response-bytes}.
 * @param proxy the HTTP forward proxy to go through (HTTPS tunnelled with CONNECT), or {@code
 *     null} to connect directly; a transport honours its bypass list per host
 * @param tls trust and key material for the TLS connections; {@link TlsSettings#DEFAULT} for the
 *     JVM's trust and no client certificate
 */
public record TransportSettings(
    String customerNumber,
    Credentials credentials,
    Duration connectTimeout,
    Duration requestTimeout,
    int maxConnectionsPerDataCenter,
    long maxResponseBytes,
    ProxySettings proxy,
    TlsSettings tls) {

  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
  public static final int DEFAULT_MAX_CONNECTIONS_PER_DATA_CENTER = 8;
  /**
   * 16 MiB: a full page of 1000 reports is about 350 KB, so this leaves ample room for long
   * reports and unknown fields while keeping a hostile answer far from any heap's limit.
   */
  public static final long DEFAULT_MAX_RESPONSE_BYTES = 16L * 1024 * 1024;

  public TransportSettings {
    Objects.requireNonNull(customerNumber, "customerNumber");
    Objects.requireNonNull(credentials, "credentials");
    requirePositive(connectTimeout, "connectTimeout");
    requirePositive(requestTimeout, "requestTimeout");
    if (maxConnectionsPerDataCenter < 1) {
      throw new IllegalArgumentException("maxConnectionsPerDataCenter must be at least 1");
    }
    if (maxResponseBytes < 1 || maxResponseBytes > Integer.MAX_VALUE - 8) {
      // One answer is held as one byte array, whose length is an int.
      throw new IllegalArgumentException(
          "maxResponseBytes must be between 1 and " + (Integer.MAX_VALUE - 8) + ", was " + maxResponseBytes);
    }
    tls = tls == null ? TlsSettings.DEFAULT : tls;
  }

  /** Settings without a proxy and with the JVM's TLS defaults. */
  public TransportSettings(String customerNumber, Credentials credentials, Duration connectTimeout,
      Duration requestTimeout, int maxConnectionsPerDataCenter, long maxResponseBytes) {
    this(customerNumber, credentials, connectTimeout, requestTimeout, maxConnectionsPerDataCenter,
        maxResponseBytes, null, TlsSettings.DEFAULT);
  }

  /** Settings with the default timeouts, pool size and answer limit. */
  public static TransportSettings of(String customerNumber, Credentials credentials) {
    return new TransportSettings(customerNumber, credentials, DEFAULT_CONNECT_TIMEOUT,
        DEFAULT_REQUEST_TIMEOUT, DEFAULT_MAX_CONNECTIONS_PER_DATA_CENTER, DEFAULT_MAX_RESPONSE_BYTES);
  }

  /** These settings with another {@link #maxResponseBytes()}. */
  public TransportSettings withMaxResponseBytes(long bytes) {
    return new TransportSettings(customerNumber, credentials, connectTimeout, requestTimeout,
        maxConnectionsPerDataCenter, bytes, proxy, tls);
  }

  /** These settings going through {@code newProxy} ({@code null}: directly). */
  public TransportSettings withProxy(ProxySettings newProxy) {
    return new TransportSettings(customerNumber, credentials, connectTimeout, requestTimeout,
        maxConnectionsPerDataCenter, maxResponseBytes, newProxy, tls);
  }

  /** These settings with other trust and key material. */
  public TransportSettings withTls(TlsSettings newTls) {
    return new TransportSettings(customerNumber, credentials, connectTimeout, requestTimeout,
        maxConnectionsPerDataCenter, maxResponseBytes, proxy, newTls);
  }

  /**
   * Whether a request to {@code target} goes through {@link #proxy()}. Never when there is none;
   * never to loopback, by name or address ({@link DataCenter#isLoopbackHost}): the proxy is another
   * machine; never for plain {@code http://}, which would hand the proxy the credentials in clear
   * text ({@code HTTPS_PROXY} is for HTTPS, as with curl, and the builder refuses a configured proxy
   * for such an endpoint); never for a host on the proxy's bypass list. The one rule both transports
   * follow.
   */
  public boolean proxies(URI target) {
    return proxy != null && "https".equalsIgnoreCase(target.getScheme())
        && !DataCenter.isLoopbackHost(target.getHost()) && !proxy.bypasses(target.getHost());
  }

  static void requirePositive(Duration value, String name) {
    if (value == null || value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(name + " must be a positive duration, was " + value);
    }
  }
}
