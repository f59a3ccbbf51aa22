package dev.faxreports.transport.vertx;

import dev.faxreports.error.FaxReportsException;
import dev.faxreports.error.TransportException;
import dev.faxreports.model.DataCenter;
import dev.faxreports.model.DeletionResult;
import dev.faxreports.model.FaxReport;
import dev.faxreports.port.FaxReportsTransport;
import dev.faxreports.port.TransportSettings;
import dev.faxreports.wire.ApiPaths;
import dev.faxreports.wire.BulkAction;
import dev.faxreports.wire.BulkRequest;
import dev.faxreports.wire.HttpAnswers;
import dev.faxreports.wire.WireFormat;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpResponseExpectation;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transport SPI on the Vert.x Web Client. Nothing here waits: a request is sent, its answer is
 * checked with {@link HttpResponseExpectation} and decoded by the wire module on the event loop
 * that received it, and every failure becomes a core exception naming the data center.
 *
 * <p>Uses the caller's {@link Vertx} (left running on {@link #close()}) or creates one of its own
 * (closed on close, and only then). Redirects are not followed; the pool keeps up to {@link
 * TransportSettings#maxConnectionsPerDataCenter()} connections to each data center, enough for the
 * facade's fan-out and a few parallel chunks.
 */
public final class VertxTransport implements FaxReportsTransport {

  private static final Logger LOG = LoggerFactory.getLogger(VertxTransport.class);

  private final Vertx vertx;
  private final boolean ownsVertx;
  private final WebClient client;
  private final TransportSettings settings;
  private final String authorization;
  private volatile boolean closed;
  private volatile CompletionStage<Void> closing;

  private VertxTransport(Vertx vertx, boolean ownsVertx, TransportSettings settings) {
    this.vertx = vertx;
    this.ownsVertx = ownsVertx;
    this.settings = settings;
    this.authorization = settings.credentials().basicAuthorization();
    WebClientOptions options = new WebClientOptions()
        .setConnectTimeout(Math.toIntExact(settings.connectTimeout().toMillis()))
        .setIdleTimeout(Math.toIntExact(settings.requestTimeout().toMillis()))
        .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
        .setFollowRedirects(false)
        .setKeepAlive(true)
        .setUserAgent("faxreports");
    PoolOptions pool = new PoolOptions().setHttp1MaxSize(settings.maxConnectionsPerDataCenter());
    this.client = WebClient.create(vertx, options, pool);
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
    Future<T> answer;
    try {
      HttpRequest<Buffer> request = client.requestAbs(method, ApiPaths.at(dataCenter, path).toString())
          .putHeader("Authorization", authorization)
          .putHeader("Accept", "application/json")
          .followRedirects(false)
          .timeout(settings.requestTimeout().toMillis());
      Future<HttpResponse<Buffer>> sent = body == null ? request.send()
          : request.putHeader("Content-Type", "application/json").sendBuffer(body);
      answer = sent
          .expecting(HttpResponseExpectation.SC_SUCCESS.wrappingFailure(
              (head, unexpected) -> failure(dataCenter, (HttpResponse<?>) head)))
          .map(response -> {
            log(dataCenter, method, path, String.valueOf(response.statusCode()), start);
            return HttpAnswers.decode(dataCenter, response.statusCode(), bytes(response.body()), reader);
          });
    } catch (RuntimeException e) {
      answer = Future.failedFuture(e);
    }
    return answer.toCompletionStage().handle((value, error) -> {
      if (error == null) {
        return value;
      }
      FaxReportsException failure = HttpAnswers.noAnswer(dataCenter, error, settings.requestTimeout());
      log(dataCenter, method, path, failure.httpStatusIfPresent().isPresent()
          ? String.valueOf(failure.httpStatus()) : failure.getClass().getSimpleName(), start);
      throw failure;
    });
  }

  private FaxReportsException failure(DataCenter dataCenter, HttpResponse<?> response) {
    Object body = response.body();
    return HttpAnswers.failure(dataCenter, response.statusCode(),
        body instanceof Buffer buffer ? buffer.getBytes() : new byte[0],
        response.getHeader("Retry-After"), response.getHeader("Location"));
  }

  private static byte[] bytes(Buffer body) {
    return body == null ? new byte[0] : body.getBytes();
  }

  private static void log(DataCenter dataCenter, HttpMethod method, String path, String outcome, long start) {
    if (LOG.isDebugEnabled()) {
      LOG.debug("{} {} {}{} -> {} in {} ms", dataCenter.name(), method.name(), dataCenter.baseUri(), path,
          outcome, (System.nanoTime() - start) / 1_000_000);
    }
  }
}
