package dev.faxreports.transport.feign;

import dev.faxreports.port.TlsMaterial;
import dev.faxreports.port.TransportSettings;
import java.net.Proxy;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OkHttp clients that carry the Feign transport's requests, built from the core's {@link
 * TransportSettings}: the TLS material (host names always verified), timeouts and pool size; for
 * the data centers that go through the proxy, a second client on the same threads and pool whose
 * sockets are {@link ProxyTunnels}. OkHttp's own proxy support stays off (and so does the JVM's
 * default proxy selector: which data center goes through which proxy is the core's rule alone).
 * Policy stays in the core: no retries, no redirects; OkHttp's transparent gzip is not used (the
 * bounded reader inflates, within its limit, because {@code Accept-Encoding} is set explicitly).
 */
final class OkHttpClients {
  private static final Logger LOG = LoggerFactory.getLogger(FeignTransport.class); // the transport's log category

  private OkHttpClients() {}

  /** The threads OkHttp runs calls on: named daemon threads that log whatever kills one of them. */
  static ExecutorService threads() {
    AtomicInteger threads = new AtomicInteger();
    return Executors.newCachedThreadPool(task -> {
      Thread thread = new Thread(task, "faxreports-feign-http-" + threads.incrementAndGet());
      thread.setDaemon(true);
      thread.setUncaughtExceptionHandler((dead, error) ->
          LOG.error("Feign transport thread {} died", dead.getName(), error));
      return thread;
    });
  }

  static OkHttpClient create(TransportSettings settings, TlsMaterial tls, ExecutorService threads) {
    Dispatcher dispatcher = new Dispatcher(threads);
    dispatcher.setMaxRequestsPerHost(settings.maxConnectionsPerDataCenter());
    dispatcher.setMaxRequests(settings.maxConnectionsPerDataCenter() * 8);
    return new OkHttpClient.Builder()
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
        .proxy(Proxy.NO_PROXY)
        .socketFactory(new NoDelaySockets())
        .sslSocketFactory(tls.sslContext().getSocketFactory(), tls.trustManager())
        .build();
  }

  /**
   * {@code direct} for the data centers that go through {@link TransportSettings#proxy()}: the
   * same threads, pool and TLS, with sockets that tunnel through the proxy.
   */
  static OkHttpClient tunnelling(OkHttpClient direct, TransportSettings settings) {
    return direct.newBuilder()
        .dns(ProxyTunnels.names())
        .socketFactory(new ProxyTunnels(settings.proxy(), Math.toIntExact(settings.connectTimeout().toMillis())))
        .build();
  }
}
