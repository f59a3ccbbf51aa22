package dev.faxreports.transport.vertx;

import dev.faxreports.port.ProxySettings;
import dev.faxreports.port.TlsMaterial;
import dev.faxreports.port.TransportSettings;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.net.ProxyOptions;
import io.vertx.core.net.ProxyType;
import io.vertx.core.net.TrustOptions;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Vert.x HTTP client that carries the Vert.x transport's requests, built from the core's
 * {@link TransportSettings}: the TLS material (host names always verified), timeouts, the pool of
 * up to {@link TransportSettings#maxConnectionsPerDataCenter()} connections to each data center
 * (enough for the facade's fan-out and a few parallel chunks), and the proxy as Vert.x options.
 * Netty's decompression stays off: {@link BoundedResponse} inflates, within the limit.
 */
final class VertxClients {
  private static final Logger LOG = LoggerFactory.getLogger(VertxTransport.class); // the transport's log category

  private VertxClients() {}

  static HttpClientAgent create(Vertx vertx, TransportSettings settings, TlsMaterial tls) {
    HttpClientOptions options = new HttpClientOptions()
        .setTrustOptions(TrustOptions.wrap(tls.trustManager()))
        // Even without a key store: it notes a server that asks for a client certificate.
        .setKeyCertOptions(KeyCertOptions.wrap(tls.keyManager()))
        .setVerifyHost(true)
        .setConnectTimeout(Math.toIntExact(settings.connectTimeout().toMillis()))
        .setIdleTimeout(Math.toIntExact(settings.requestTimeout().toMillis()))
        .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
        .setKeepAlive(true)
        .setDecompressionSupported(false); // BoundedBody inflates, with the limit
    PoolOptions pool = new PoolOptions().setHttp1MaxSize(settings.maxConnectionsPerDataCenter());
    return vertx.httpClientBuilder().with(options).with(pool)
        .withConnectHandler(VertxClients::reportConnectionErrorsHere)
        .build();
  }

  /** The proxy as Vert.x options, set per request on those the core's rule sends through it; {@code null} for none. */
  static ProxyOptions proxyOptions(ProxySettings proxy) {
    if (proxy == null) {
      return null;
    }
    ProxyOptions options = new ProxyOptions().setType(ProxyType.HTTP).setHost(proxy.host()).setPort(proxy.port());
    if (proxy.credentials() != null) {
      options.setUsername(proxy.credentials().username()).setPassword(proxy.credentials().password());
    }
    return options;
  }

  /**
   * The request on a broken connection fails with the cause and is reported as a core exception;
   * without a handler here, Vert.x would log the same cause once more at ERROR.
   */
  private static void reportConnectionErrorsHere(HttpConnection connection) {
    connection.exceptionHandler(error -> LOG.debug("connection to {} failed: {}",
        connection.remoteAddress(), error.toString()));
  }
}
