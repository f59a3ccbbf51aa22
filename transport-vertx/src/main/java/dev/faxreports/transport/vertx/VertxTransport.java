package dev.faxreports.transport.vertx;

import dev.faxreports.port.TransportSettings;
import dev.faxreports.wire.ApiAnswer;
import dev.faxreports.wire.ApiRequest;
import dev.faxreports.wire.HttpTransport;
import dev.faxreports.wire.RequestLog;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.ProxyOptions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transport SPI on the Vert.x HTTP client: the wire module's {@link HttpTransport} builds each
 * request and maps each answer, on the event loop that received it; this class only sends. Nothing
 * here waits: an answer is read chunk by chunk into a {@link BoundedResponse} — at most {@link
 * TransportSettings#maxResponseBytes()}, gzip inflated.
 *
 * <p>The core HTTP client ({@link VertxClients}) rather than the Web Client: the Web Client buffers
 * a whole body before anyone sees it, where a limit must be checked while the bytes arrive.
 * Connection errors (a reset, a bad status line, headers too large) fail the request they belong to.
 *
 * <p>Uses the caller's {@link Vertx} (left running on {@link #close()}) or creates one of its own
 * (closed on close, and only then). Redirects are not followed.
 */
public final class VertxTransport extends HttpTransport {

  private static final Logger LOG = LoggerFactory.getLogger(VertxTransport.class);

  private final Vertx vertx;
  private final boolean ownsVertx;
  private final HttpClientAgent client;
  private final ProxyOptions proxyOptions;
  private final CompletableFuture<Void> released = new CompletableFuture<>();

  private VertxTransport(Vertx vertx, boolean ownsVertx, TransportSettings settings) {
    super(VertxTransportProvider.NAME, settings, RequestLog.of(LOG::isDebugEnabled, LOG::debug));
    this.vertx = vertx;
    this.ownsVertx = ownsVertx;
    this.proxyOptions = VertxClients.proxyOptions(settings.proxy());
    this.client = VertxClients.create(vertx, settings, tls());
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
  protected CompletionStage<ApiAnswer> send(ApiRequest request) {
    boolean proxied = settings().proxies(request.dataCenter().baseUri());
    RequestOptions options = new RequestOptions()
        .setMethod(HttpMethod.valueOf(request.method()))
        .setAbsoluteURI(request.target().toString())
        .setFollowRedirects(false)
        .setTimeout(settings().requestTimeout().toMillis());
    request.headers().forEach((name, value) -> options.putHeader(name, value));
    if (proxied) {
      options.setProxyOptions(proxyOptions); // per request: hosts on the bypass list go direct
    }
    return client.request(options)
        .compose(sending -> sendAndRead(sending, request))
        .recover(error -> Future.failedFuture(proxied ? NettyProxyFailures.translate(error) : error))
        .toCompletionStage();
  }

  /** Closes the client, and the {@link Vertx} if this transport created it, without waiting. */
  @Override
  protected void release() {
    client.close();
    (ownsVertx ? vertx.close().toCompletionStage() : CompletableFuture.<Void>completedFuture(null))
        .whenComplete((done, error) -> {
          if (error != null) {
            released.completeExceptionally(error);
          } else {
            released.complete(null);
          }
        });
  }

  /** Like {@link #close()}; the stage completes when everything this transport owns is closed. */
  public CompletionStage<Void> closeAsync() {
    close();
    return released;
  }

  /** The Vert.x instance requests run on. */
  public Vertx vertx() {
    return vertx;
  }

  @Override
  public String toString() {
    return "VertxTransport[customerNumber=" + settings().customerNumber() + ", ownsVertx=" + ownsVertx
        + (closeCalled() ? ", closed" : "") + "]";
  }

  /**
   * Sends the request with the answer's reader already waiting for the head: a listener added
   * after sending may run after the event loop has delivered the whole (small) body, which would
   * then be lost ("Response already ended"). A failed send fails the call too.
   */
  private Future<ApiAnswer> sendAndRead(HttpClientRequest sending, ApiRequest request) {
    Future<ApiAnswer> read = sending.response().compose(response ->
        BoundedResponse.read(response, request.dataCenter(), settings().maxResponseBytes()));
    // The request's own timeout is an idle timeout: a server trickling a byte now and then would
    // hold the connection for ever. This one bounds the whole exchange, body included.
    long deadline = vertx.setTimer(settings().requestTimeout().toMillis(), fired -> sending.reset(0,
        new TimeoutException("no complete answer within " + settings().requestTimeout())));
    Future<Void> sent = request.body() == null ? sending.end() : sending.end(Buffer.buffer(request.body()));
    return sent.compose(done -> read).andThen(done -> vertx.cancelTimer(deadline));
  }
}
