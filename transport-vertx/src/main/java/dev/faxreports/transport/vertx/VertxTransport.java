package dev.faxreports.transport.vertx;

import dev.faxreports.error.FaxReportsException;
import dev.faxreports.error.TransportException;
import dev.faxreports.model.DataCenter;
import dev.faxreports.model.DeletionResult;
import dev.faxreports.model.FaxReport;
import dev.faxreports.port.FaxReportsTransport;
import dev.faxreports.port.ResponseSizes;
import dev.faxreports.port.ProxySettings;
import dev.faxreports.port.TlsMaterial;
import dev.faxreports.port.TransportSettings;
import dev.faxreports.port.UserAgent;
import dev.faxreports.wire.ApiPaths;
import dev.faxreports.wire.BulkAction;
import dev.faxreports.wire.BulkRequest;
import dev.faxreports.wire.HttpAnswers;
import dev.faxreports.wire.WireFormat;
import dev.faxreports.wire.BoundedBody;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.net.ProxyOptions;
import io.vertx.core.net.ProxyType;
import io.vertx.core.net.TrustOptions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transport SPI on the Vert.x HTTP client. Nothing here waits: a request is sent, its answer
 * read chunk by chunk into a {@link BoundedResponse} — at most {@link
 * TransportSettings#maxResponseBytes()}, gzip inflated, asked for with {@code Accept-Encoding:
 * gzip} — and decoded by the wire module on the event loop that received it; every failure
 * becomes a core exception naming the data center.
 *
 * <p>The core HTTP client rather than the Web Client: the Web Client buffers a whole body before
 * anyone sees it, where a limit must be checked while the bytes arrive. Connection errors (a
 * reset, a bad status line, headers too large) fail the request they belong to; each connection
 * gets an exception handler, so that Vert.x does not also log them as errors of its own.
 *
 * <p>Uses the caller's {@link Vertx} (left running on {@link #close()}) or creates one of its own
 * (closed on close, and only then). Redirects are not followed; the pool keeps up to {@link
 * TransportSettings#maxConnectionsPerDataCenter()} connections to each data center, enough for the
 * facade's fan-out and a few parallel chunks.
 */
public final class VertxTransport implements FaxReportsTransport {

  private static final Logger LOG = LoggerFactory.getLogger(VertxTransport.class);
  private static final String USER_AGENT = UserAgent.of("vertx");

  private final Vertx vertx;
  private final boolean ownsVertx;
  private final HttpClientAgent client;
  private final TransportSettings settings;
  private final String authorization;
  private final ProxyOptions proxyOptions;
  private final TlsMaterial tls;
  private volatile boolean closed;
  private volatile CompletionStage<Void> closing;

  private VertxTransport(Vertx vertx, boolean ownsVertx, TransportSettings settings) {
    this.vertx = vertx;
    this.ownsVertx = ownsVertx;
    this.settings = settings;
    this.authorization = settings.credentials().basicAuthorization();
    this.proxyOptions = proxyOptions(settings.proxy());
    this.tls = TlsMaterial.load(settings.tls()); // a bad file fails here, before any request
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
    this.client = vertx.httpClientBuilder().with(options).with(pool)
        .withConnectHandler(this::reportConnectionErrorsHere)
        .build();
    if (ownsVertx) {
      // Our event loops: a throwable escaping a handler is logged as ours, not lost.
      vertx.exceptionHandler(error -> LOG.error("unexpected failure on a Vert.x transport thread", error));
    }
  }

  /** A transport on a {@link Vertx} of its own, closed with the transport. */
  public static VertxTransport create(TransportSettings settings) {
    return new VertxTransport(Vertx.vertx(), true, settings);
  }

  /** A transport on the caller's {@link Vertx}, which stays running when the transport closes. */
  public static VertxTransport create(Vertx vertx, TransportSettings settings) {
    if (vertx == null) {
      throw new IllegalArgumentException("vertx must not be null");
    }
    return new VertxTransport(vertx, false, settings);
  }

  @Override
  public CompletionStage<List<FaxReport>> listOldest(DataCenter dataCenter) {
    return call(dataCenter, HttpMethod.GET, ApiPaths.reports(settings.customerNumber()), null, WireFormat::readReports);
  }

  @Override
  public CompletionStage<List<DeletionResult>> deleteOldest(DataCenter dataCenter) {
    return call(dataCenter, HttpMethod.DELETE, ApiPaths.reports(settings.customerNumber()), null,
        WireFormat::readDeletions);
  }

  @Override
  public CompletionStage<FaxReport> fetch(DataCenter dataCenter, String jobId) {
    return call(dataCenter, HttpMethod.GET, ApiPaths.report(settings.customerNumber(), jobId), null,
        WireFormat::readReport);
  }

  @Override
  public CompletionStage<DeletionResult> delete(DataCenter dataCenter, String jobId) {
    return call(dataCenter, HttpMethod.DELETE, ApiPaths.report(settings.customerNumber(), jobId), null,
        body -> WireFormat.readDeletion(body, jobId));
  }

  @Override
  public CompletionStage<List<FaxReport>> bulkGet(DataCenter dataCenter, List<String> jobIds) {
    return call(dataCenter, HttpMethod.POST, ApiPaths.reports(settings.customerNumber()),
        bulkBody(BulkAction.GET, jobIds), WireFormat::readReports);
  }

  @Override
  public CompletionStage<List<DeletionResult>> bulkDelete(DataCenter dataCenter, List<String> jobIds) {
    return call(dataCenter, HttpMethod.POST, ApiPaths.reports(settings.customerNumber()),
        bulkBody(BulkAction.DELETE, jobIds), WireFormat::readDeletions);
  }

  /** Closes the client, and the {@link Vertx} if this transport created it, without waiting. */
  @Override
  public void close() {
    closeAsync();
  }

  /** Like {@link #close()}; the stage completes when everything this transport owns is closed. */
  public synchronized CompletionStage<Void> closeAsync() {
    if (closing == null) {
      closed = true;
      client.close();
      closing = ownsVertx ? vertx.close().toCompletionStage() : CompletableFuture.completedFuture(null);
    }
    return closing;
  }

  /** The Vert.x instance requests run on. */
  public Vertx vertx() {
    return vertx;
  }

  @Override
  public String toString() {
    return "VertxTransport[customerNumber=" + settings.customerNumber() + ", ownsVertx=" + ownsVertx
        + (closed ? ", closed" : "") + "]";
  }

  private static Buffer bulkBody(BulkAction action, List<String> jobIds) {
    return Buffer.buffer(WireFormat.writeBulkRequest(new BulkRequest(action, jobIds)));
  }

  private <T> CompletionStage<T> call(
      DataCenter dataCenter, HttpMethod method, String path, Buffer body, Function<byte[], T> reader) {
    if (closed) {
      return CompletableFuture.failedFuture(new TransportException(
          "the Vert.x transport is closed", dataCenter, FaxReportsException.NO_STATUS, false, null));
    }
    long start = System.nanoTime();
    ResponseSizes.Sink size = ResponseSizes.current(); // taken now: the facade's observers hear the answer's size
    Future<T> answer;
    try {
      RequestOptions request = new RequestOptions()
          .setMethod(method)
          .setAbsoluteURI(ApiPaths.at(dataCenter, path).toString())
          .putHeader("Authorization", authorization)
          .putHeader("Accept", "application/json")
          .putHeader("Accept-Encoding", BoundedBody.ACCEPT_ENCODING)
          .putHeader("User-Agent", USER_AGENT)
          .setFollowRedirects(false)
          .setTimeout(settings.requestTimeout().toMillis());
      if (body != null) {
        request.putHeader("Content-Type", "application/json");
      }
      if (settings.proxies(dataCenter.baseUri())) {
        request.setProxyOptions(proxyOptions); // per request: hosts on the bypass list go direct
      }
      answer = client.request(request)
          .compose(sending -> sendAndRead(sending, body, dataCenter))
          .map(response -> {
            tls.answered(dataCenter.baseUri());
            if (!HttpAnswers.isSuccess(response.status())) {
              throw HttpAnswers.failure(dataCenter, response.status(), response.body(),
                  response.retryAfter(), response.location());
            }
            log(dataCenter, method, path, String.valueOf(response.status()), start);
            size.received(response.status(), response.body().length);
            return HttpAnswers.decode(dataCenter, response.status(), response.body(), reader);
          });
    } catch (RuntimeException e) {
      answer = Future.failedFuture(e);
    }
    return answer.toCompletionStage().handle((value, error) -> {
      if (error == null) {
        return value;
      }
      FaxReportsException failure = HttpAnswers.noAnswer(dataCenter,
          settings.proxies(dataCenter.baseUri()) ? NettyProxyFailures.translate(error) : error, settings, tls);
      log(dataCenter, method, path, failure.httpStatusIfPresent().isPresent()
          ? String.valueOf(failure.httpStatus()) : failure.getClass().getSimpleName(), start);
      throw failure;
    });
  }

  private static ProxyOptions proxyOptions(ProxySettings proxy) {
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
   * Sends the request with the answer's reader already waiting for the head: a listener added
   * after sending may run after the event loop has delivered the whole (small) body, which would
   * then be lost ("Response already ended"). A failed send fails the call too.
   */
  private Future<BoundedResponse> sendAndRead(HttpClientRequest sending, Buffer body, DataCenter dataCenter) {
    Future<BoundedResponse> read = sending.response()
        .compose(response -> BoundedResponse.read(response, dataCenter, settings.maxResponseBytes()));
    // The request's own timeout is an idle timeout: a server trickling a byte now and then would
    // hold the connection for ever. This one bounds the whole exchange, body included.
    long deadline = vertx.setTimer(settings.requestTimeout().toMillis(), fired -> sending.reset(0,
        new TimeoutException("no complete answer within " + settings.requestTimeout())));
    Future<Void> sent = body == null ? sending.end() : sending.end(body);
    return sent.compose(done -> read).andThen(done -> vertx.cancelTimer(deadline));
  }

  /**
   * The request on a broken connection fails with the cause and is reported as a core exception;
   * without a handler here, Vert.x would log the same cause once more at ERROR.
   */
  private void reportConnectionErrorsHere(HttpConnection connection) {
    connection.exceptionHandler(error -> LOG.debug("connection to {} failed: {}",
        connection.remoteAddress(), error.toString()));
  }

  private static void log(DataCenter dataCenter, HttpMethod method, String path, String outcome, long start) {
    if (LOG.isDebugEnabled()) {
      LOG.debug("{} {} {}{} -> {} in {} ms", dataCenter.name(), method.name(), dataCenter.baseUri(), path,
          outcome, (System.nanoTime() - start) / 1_000_000);
    }
  }
}
