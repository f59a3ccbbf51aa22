package dev.faxreports.transport.feign;

import dev.faxreports.port.ProxySettings;
import dev.faxreports.port.TlsMaterial;
import dev.faxreports.port.TransportSettings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import okhttp3.Authenticator;
import okhttp3.ConnectionPool;
import okhttp3.Credentials;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;

/**
 * The OkHttp client that carries the Feign transport's requests, built from the core's {@link
 * TransportSettings}: the proxy (per host, honouring its bypass list; Basic credentials for it,
 * also for HTTPS tunnels), the TLS material (host names always verified), timeouts and pool size.
 * Policy stays in the core: no retries, no redirects; OkHttp's transparent gzip is not used (the
 * bounded reader inflates, within its limit, because {@code Accept-Encoding} is set explicitly).
 */
final class OkHttpClients {
  private OkHttpClients() {}

  static OkHttpClient create(TransportSettings settings, TlsMaterial tls, ExecutorService threads) {
    Dispatcher dispatcher = new Dispatcher(threads);
    dispatcher.setMaxRequestsPerHost(settings.maxConnectionsPerDataCenter());
    dispatcher.setMaxRequests(settings.maxConnectionsPerDataCenter() * 8);
    OkHttpClient.Builder builder = new OkHttpClient.Builder()
        .dispatcher(dispatcher)
        .connectionPool(new ConnectionPool(settings.maxConnectionsPerDataCenter() * 2, 1, TimeUnit.MINUTES))
        .protocols(List.of(Protocol.HTTP_1_1))
        .connectTimeout(settings.connectTimeout())
        .readTimeout(settings.requestTimeout())
        .writeTimeout(settings.requestTimeout())
        .callTimeout(settings.requestTimeout()) // bounds a trickled body too
        .followRedirects(false)
        .followSslRedirects(false)
        .retryOnConnectionFailure(false)
        .socketFactory(new NoDelaySockets())
        .sslSocketFactory(tls.sslContext().getSocketFactory(), tls.trustManager());
    ProxySettings proxy = settings.proxy();
    if (proxy != null) {
      builder.proxySelector(new PerHost(settings));
      if (proxy.credentials() != null) {
        builder.proxyAuthenticator(basic(proxy.credentials()));
      }
    }
    return builder.build();
  }

  /**
   * Answers the proxy's challenge (or OkHttp's preemptive one for a tunnel) with the credentials,
   * once: a proxy that refuses them gets no second try, and the call fails. OkHttp also hands this
   * authenticator a 407 that the server itself sent inside the TLS tunnel; that one gets nothing,
   * or a hostile server could collect the proxy's password.
   */
  private static Authenticator basic(dev.faxreports.model.Credentials credentials) {
    String value = Credentials.basic(credentials.username(), credentials.password(),
        java.nio.charset.StandardCharsets.UTF_8);
    return (route, response) -> response.handshake() != null || response.request().header("Proxy-Authorization") != null
        ? null : response.request().newBuilder().header("Proxy-Authorization", value).build();
  }

  /** The proxy for every host it should carry, a direct connection for the rest. */
  private static final class PerHost extends ProxySelector {
    private final TransportSettings settings;
    private final List<Proxy> viaProxy;

    PerHost(TransportSettings settings) {
      this.settings = settings;
      this.viaProxy = List.of(new Proxy(Proxy.Type.HTTP,
          InetSocketAddress.createUnresolved(settings.proxy().host(), settings.proxy().port())));
    }

    @Override
    public List<Proxy> select(URI uri) {
      return settings.proxies(uri) ? viaProxy : List.of(Proxy.NO_PROXY);
    }

    @Override
    public void connectFailed(URI uri, SocketAddress address, IOException failure) {
      // the call fails with the cause; there is no other proxy to try
    }
  }
}
