package dev.faxreports.transport.feign;

import dev.faxreports.port.ProxySettings;
import dev.faxreports.port.TlsMaterial;
import dev.faxreports.port.TransportSettings;
import dev.faxreports.port.UserAgent;
import java.util.concurrent.ThreadFactory;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.Timeout;

/**
 * The Apache HttpClient 5 (async) that carries the Feign transport's requests, built from the
 * core's {@link TransportSettings}: the proxy (per host, honouring its bypass list; Basic
 * credentials for it, also for HTTPS tunnels), the TLS material (host name verification always on),
 * timeouts, pool size and the {@link UserAgent}. Policy stays in the core: no retries, no
 * redirects, no decompression (the bounded reader inflates, with its limit).
 */
final class ApacheClients {
  private ApacheClients() {}

  static CloseableHttpAsyncClient create(TransportSettings settings, TlsMaterial tls, ThreadFactory threads) {
    int perRoute = settings.maxConnectionsPerDataCenter();
    var connections = PoolingAsyncClientConnectionManagerBuilder.create()
        .setTlsStrategy(ClientTlsStrategyBuilder.create().setSslContext(tls.sslContext()).buildAsync())
        .setDefaultTlsConfig(TlsConfig.custom().setVersionPolicy(HttpVersionPolicy.FORCE_HTTP_1).build())
        .setDefaultConnectionConfig(ConnectionConfig.custom()
            .setConnectTimeout(Timeout.of(settings.connectTimeout()))
            .setSocketTimeout(Timeout.of(settings.requestTimeout()))
            .build())
        .setMaxConnPerRoute(perRoute)
        .setMaxConnTotal(perRoute * 8)
        .build();
    var builder = HttpAsyncClients.custom()
        .setConnectionManager(connections)
        .setIOReactorConfig(IOReactorConfig.custom().setIoThreadCount(2).build())
        .setThreadFactory(threads)
        .setDefaultRequestConfig(RequestConfig.custom()
            .setRedirectsEnabled(false)
            .setResponseTimeout(Timeout.of(settings.requestTimeout()))
            .setConnectionRequestTimeout(Timeout.of(settings.requestTimeout()))
            .build())
        .setUserAgent(UserAgent.of("feign"))
        .disableContentCompression() // BoundedBody inflates, within the limit
        .disableAutomaticRetries()
        .disableRedirectHandling()
        .disableCookieManagement();
    ProxySettings proxy = settings.proxy();
    if (proxy != null) {
      HttpHost proxyHost = new HttpHost("http", proxy.host(), proxy.port());
      builder.setRoutePlanner(new DefaultRoutePlanner(DefaultSchemePortResolver.INSTANCE) {
        @Override
        protected HttpHost determineProxy(HttpHost target, HttpContext context) {
          return settings.proxies(target.getHostName()) ? proxyHost : null;
        }
      });
      if (proxy.credentials() != null) {
        BasicCredentialsProvider credentials = new BasicCredentialsProvider();
        credentials.setCredentials(new AuthScope(proxyHost), new UsernamePasswordCredentials(
            proxy.credentials().username(), proxy.credentials().password().toCharArray()));
        builder.setDefaultCredentialsProvider(credentials);
      }
    }
    return builder.build();
  }
}
