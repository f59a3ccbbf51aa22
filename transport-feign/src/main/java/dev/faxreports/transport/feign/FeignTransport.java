package dev.faxreports.transport.feign;

import dev.faxreports.error.FaxReportsException;
import dev.faxreports.error.TransportException;
import dev.faxreports.model.DataCenter;
import dev.faxreports.model.DeletionResult;
import dev.faxreports.model.FaxReport;
import dev.faxreports.port.FaxReportsTransport;
import dev.faxreports.port.ResponseSizes;
import dev.faxreports.port.TlsMaterial;
import dev.faxreports.port.TransportSettings;
import dev.faxreports.wire.ApiPaths;
import dev.faxreports.wire.BulkAction;
import dev.faxreports.wire.BulkRequest;
import dev.faxreports.wire.HttpAnswers;
import dev.faxreports.wire.WireFormat;
import feign.AsyncFeign;
import feign.Request;
import feign.Retryer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transport SPI on OpenFeign.
 *
 * <p><b>Asynchronous, no caller thread waits:</b> {@code AsyncFeign} drives a {@link
 * BoundedOkHttpClient}, which enqueues each call on OkHttp and reads at most {@link
 * TransportSettings#maxResponseBytes()} of each answer (gzip inflated, asked for with {@code
 * Accept-Encoding: gzip}). OkHttp's threads are named daemon threads owned here, stopped by {@link
 * #close()}, that log whatever kills one of them. The network settings — proxy with credentials,
 * trust and key material — are the core's {@link TransportSettings}, applied in {@link
 * OkHttpClients}: a data center the core's rule sends through the proxy gets the client whose
 * sockets tunnel ({@link ProxyTunnels}).
 *
 * <p>Feign holds no policy: {@link Retryer#NEVER_RETRY} (retries are the core's), redirects are not
 * followed, every failure becomes a core exception naming the data center. One Feign client per
 * data center, all sharing one HTTP client and its connection pool. Each request is logged at DEBUG
 * with method, URL, status and duration; headers are never logged, so the Authorization value is
 * never written anywhere.
 */
public final class FeignTransport implements FaxReportsTransport {

  private static final Logger LOG = LoggerFactory.getLogger(FeignTransport.class);

  private final TransportSettings settings;
  private final ExecutorService httpThreads;
  private final OkHttpClient httpClient;
  private final OkHttpClient tunnellingClient;
  private final TlsMaterial tls;
  private final Request.Options options;
  private final Map<DataCenter, RetarusFaxApi> apis = new ConcurrentHashMap<>();
  private volatile boolean closed;

  private FeignTransport(TransportSettings settings) {
    this.settings = settings;
    this.tls = TlsMaterial.load(settings.tls()); // a bad file fails here, before any request
    AtomicInteger threads = new AtomicInteger();
    this.httpThreads = Executors.newCachedThreadPool(task -> {
      Thread thread = new Thread(task, "faxreports-feign-http-" + threads.incrementAndGet());
      thread.setDaemon(true);
      thread.setUncaughtExceptionHandler((dead, error) ->
          LOG.error("Feign transport thread {} died", dead.getName(), error));
      return thread;
    });
    this.httpClient = OkHttpClients.create(settings, tls, httpThreads);
    this.tunnellingClient = settings.proxy() == null ? null : OkHttpClients.tunnelling(httpClient, settings);
    this.options = new Request.Options(settings.connectTimeout(), settings.requestTimeout(), false);
  }

  /** A transport for these settings; close it when done. */
  public static FeignTransport create(TransportSettings settings) {
    return new FeignTransport(settings);
  }

  @Override
  public CompletionStage<List<FaxReport>> listOldest(DataCenter dataCenter) {
    String path = ApiPaths.reports(settings.customerNumber());
    return call(dataCenter, "GET", path, api -> api.get(ApiPaths.at(dataCenter, path)), WireFormat::readReports);
  }

  @Override
  public CompletionStage<List<DeletionResult>> deleteOldest(DataCenter dataCenter) {
    String path = ApiPaths.reports(settings.customerNumber());
    return call(dataCenter, "DELETE", path, api -> api.delete(ApiPaths.at(dataCenter, path)), WireFormat::readDeletions);
  }

  @Override
  public CompletionStage<FaxReport> fetch(DataCenter dataCenter, String jobId) {
    String path = ApiPaths.report(settings.customerNumber(), jobId);
    return call(dataCenter, "GET", path, api -> api.get(ApiPaths.at(dataCenter, path)), WireFormat::readReport);
  }

  @Override
  public CompletionStage<DeletionResult> delete(DataCenter dataCenter, String jobId) {
    String path = ApiPaths.report(settings.customerNumber(), jobId);
    return call(dataCenter, "DELETE", path, api -> api.delete(ApiPaths.at(dataCenter, path)), body -> WireFormat.readDeletion(body, jobId));
  }

  @Override
  public CompletionStage<List<FaxReport>> bulkGet(DataCenter dataCenter, List<String> jobIds) {
    return bulk(dataCenter, BulkAction.GET, jobIds, WireFormat::readReports);
  }

  @Override
  public CompletionStage<List<DeletionResult>> bulkDelete(DataCenter dataCenter, List<String> jobIds) {
    return bulk(dataCenter, BulkAction.DELETE, jobIds, WireFormat::readDeletions);
  }

  /**
   * Cancels what is in flight, closes the pooled connections and stops the HTTP threads (waiting
   * up to 2 s); calls made afterwards fail at once.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
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
    return closed && httpThreads.isTerminated();
  }

  @Override
  public String toString() {
    return "FeignTransport[customerNumber=" + settings.customerNumber() + ", requestTimeout="
        + settings.requestTimeout() + (closed ? ", closed" : "") + "]";
  }

  private <T> CompletionStage<T> bulk(
      DataCenter dataCenter, BulkAction action, List<String> jobIds, Function<byte[], T> reader) {
    String path = ApiPaths.reports(settings.customerNumber());
    byte[] body = WireFormat.writeBulkRequest(new BulkRequest(action, jobIds));
    return call(dataCenter, "POST", path, api -> api.post(ApiPaths.at(dataCenter, path), body), reader);
  }

  private <T> CompletionStage<T> call(DataCenter dataCenter, String method, String path,
      Function<RetarusFaxApi, CompletableFuture<RawAnswer>> send, Function<byte[], T> reader) {
    if (closed) {
      return CompletableFuture.failedFuture(new TransportException(
          "the Feign transport is closed", dataCenter, FaxReportsException.NO_STATUS, false, null));
    }
    long start = System.nanoTime();
    ResponseSizes.Sink size = ResponseSizes.current(); // taken now: the facade's observers hear the answer's size
    CompletableFuture<RawAnswer> sent;
    try {
      sent = send.apply(api(dataCenter));
    } catch (RuntimeException e) {
      sent = CompletableFuture.failedFuture(e);
    }
    return sent.handle((answer, error) -> {
      if (error != null) {
        FaxReportsException failure = HttpAnswers.noAnswer(dataCenter, error, settings, tls);
        log(dataCenter, method, path, failure.httpStatusIfPresent().isPresent()
            ? String.valueOf(failure.httpStatus()) : failure.getClass().getSimpleName(), start);
        throw failure;
      }
      log(dataCenter, method, path, String.valueOf(answer.status()), start);
      size.received(answer.status(), answer.body() == null ? 0 : answer.body().length);
      return HttpAnswers.decode(dataCenter, answer.status(), answer.body(), reader);
    });
  }

  private RetarusFaxApi api(DataCenter dataCenter) {
    return apis.computeIfAbsent(dataCenter, dc -> AsyncFeign.<Object>builder()
        .client(new BoundedOkHttpClient(settings.proxies(dc.baseUri()) ? tunnellingClient : httpClient, dc,
            settings.maxResponseBytes(), () -> tls.answered(dc.baseUri())))
        .options(options)
        .retryer(Retryer.NEVER_RETRY)
        .decoder(new RawAnswerDecoder())
        .errorDecoder(new StatusErrorDecoder(dc))
        .requestInterceptor(new BasicAuthInterceptor(settings.credentials()))
        .target(RetarusFaxApi.class, dc.baseUri().toString()));
  }

  private static void log(DataCenter dataCenter, String method, String path, String outcome, long start) {
    if (LOG.isDebugEnabled()) {
      LOG.debug("{} {} {}{} -> {} in {} ms", dataCenter.name(), method, dataCenter.baseUri(), path,
          outcome, (System.nanoTime() - start) / 1_000_000);
    }
  }
}
