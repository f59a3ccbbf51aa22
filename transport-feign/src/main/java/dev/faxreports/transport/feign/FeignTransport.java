package dev.faxreports.transport.feign;

import dev.faxreports.model.DataCenter;
import dev.faxreports.port.TransportSettings;
import dev.faxreports.wire.ApiAnswer;
import dev.faxreports.wire.ApiRequest;
import dev.faxreports.wire.HttpTransport;
import dev.faxreports.wire.RequestLog;
import feign.AsyncFeign;
import feign.Request;
import feign.Response;
import feign.Retryer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transport SPI on OpenFeign: the wire module's {@link HttpTransport} builds each request and
 * maps each answer; this class only sends through Feign.
 *
 * <p><b>Asynchronous, no caller thread waits:</b> {@code AsyncFeign} drives a {@link
 * BoundedOkHttpClient}, which enqueues each call on OkHttp and reads at most {@link
 * TransportSettings#maxResponseBytes()} of each answer (gzip inflated), on threads owned here and
 * stopped by {@link #close()}. The network settings — proxy with credentials, trust and key material — are applied in {@link
 * OkHttpClients}: a data center the core's rule sends through the proxy gets the client whose
 * sockets tunnel ({@link ProxyTunnels}).
 *
 * <p>Feign holds no policy: {@link Retryer#NEVER_RETRY} (retries are the core's), redirects are not
 * followed. One Feign client per data center, all sharing one HTTP client and its connection pool.
 * Each request is logged at DEBUG with method, URL, status and duration; headers never are.
 */
public final class FeignTransport extends HttpTransport {

  private static final Logger LOG = LoggerFactory.getLogger(FeignTransport.class);

  private final ExecutorService httpThreads;
  private final OkHttpClient httpClient;
  private final OkHttpClient tunnellingClient;
  private final Request.Options options;
  private final Map<DataCenter, RetarusFaxApi> apis = new ConcurrentHashMap<>();

  private FeignTransport(TransportSettings settings) {
    super(FeignTransportProvider.NAME, settings, RequestLog.of(LOG::isDebugEnabled, LOG::debug));
    this.httpThreads = OkHttpClients.threads();
    this.httpClient = OkHttpClients.create(settings, tls(), httpThreads);
    this.tunnellingClient = settings.proxy() == null ? null : OkHttpClients.tunnelling(httpClient, settings);
    this.options = new Request.Options(settings.connectTimeout(), settings.requestTimeout(), false);
  }

  /** A transport for these settings; close it when done. */
  public static FeignTransport create(TransportSettings settings) {
    return new FeignTransport(settings);
  }

  @Override
  protected CompletionStage<ApiAnswer> send(ApiRequest request) {
    RetarusFaxApi api = api(request.dataCenter());
    CompletableFuture<Response> sent = switch (request.method()) {
      case "GET" -> api.get(request.target(), request.headers());
      case "DELETE" -> api.delete(request.target(), request.headers());
      default -> api.post(request.target(), request.headers(), request.body());
    };
    return sent.thenApply(FeignTransport::answer);
  }

  /**
   * Cancels what is in flight, closes the pooled connections and stops the HTTP threads (waiting
   * up to 2 s); calls made afterwards fail at once.
   */
  @Override
  protected void release() {
    httpClient.dispatcher().cancelAll();
    httpClient.connectionPool().evictAll();
    httpThreads.shutdownNow();
    try {
      if (!httpThreads.awaitTermination(2, TimeUnit.SECONDS)) {
        LOG.warn("HTTP threads of the Feign transport still running 2 s after close");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Whether {@link #close()} has released this transport's threads. */
  public boolean isClosed() {
    return closeCalled() && httpThreads.isTerminated();
  }

  @Override
  public String toString() {
    return "FeignTransport[customerNumber=" + settings().customerNumber() + ", requestTimeout="
        + settings().requestTimeout() + (closeCalled() ? ", closed" : "") + "]";
  }

  private RetarusFaxApi api(DataCenter dataCenter) {
    return apis.computeIfAbsent(dataCenter, dc -> AsyncFeign.<Object>builder()
        .client(new BoundedOkHttpClient(settings().proxies(dc.baseUri()) ? tunnellingClient : httpClient, dc,
            settings().maxResponseBytes(), () -> tls().answered(dc.baseUri())))
        .options(options)
        .retryer(Retryer.NEVER_RETRY)
        .target(RetarusFaxApi.class, dc.baseUri().toString()));
  }

  /** Feign's response as the wire module's answer; its body is already in memory, read within the limit. */
  private static ApiAnswer answer(Response response) {
    try (InputStream body = response.body() == null ? InputStream.nullInputStream() : response.body().asInputStream()) {
      return ApiAnswer.of(response.status(), body.readAllBytes(), name -> first(response.headers().get(name)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String first(Collection<String> values) {
    return values == null || values.isEmpty() ? null : values.iterator().next();
  }
}
