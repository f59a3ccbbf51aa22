package dev.faxreports.wire;

import dev.faxreports.error.FaxReportsException;
import dev.faxreports.error.TransportException;
import dev.faxreports.model.DataCenter;
import dev.faxreports.model.DeletionResult;
import dev.faxreports.model.FaxReport;
import dev.faxreports.port.FaxReportsTransport;
import dev.faxreports.port.ResponseSizes;
import dev.faxreports.port.TlsMaterial;
import dev.faxreports.port.TransportSettings;
import dev.faxreports.port.UserAgent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * The port calls of {@link FaxReportsTransport} as HTTP exchanges, the same for every transport:
 * which request each call sends, and what each answer — or its absence — becomes. A transport
 * extends it and only moves bytes: {@link #send} puts an {@link ApiRequest} on the wire with its
 * HTTP library and completes with the {@link ApiAnswer}, whatever its status.
 *
 * <p>Here, for every call: the request (path percent-encoded, Basic auth, JSON, gzip asked for, the
 * {@code User-Agent}); a call after {@link #close()} failing at once; the answer's size told to the
 * facade ({@link ResponseSizes}); a 2xx body decoded, any other status or a failure without answer
 * mapped to the core exceptions ({@link HttpAnswers}); one {@link RequestLog} line.
 *
 * <p>Nothing here waits: the mapping runs on whichever thread completes the sent stage, such as an
 * event loop.
 */
public abstract class HttpTransport implements FaxReportsTransport {

  private final String name;
  private final TransportSettings settings;
  private final TlsMaterial tls;
  private final RequestLog log;
  private final Map<String, String> headers;
  private final AtomicBoolean closed = new AtomicBoolean();

  /**
   * Loads the TLS material of {@code settings} (a bad file fails here, before any request).
   *
   * @param name the name users configure, such as {@code feign}: in the {@code User-Agent} and in
   *     the error of a call after close
   * @param log where each request's line goes
   */
  protected HttpTransport(String name, TransportSettings settings, RequestLog log) {
    this.name = name;
    this.settings = settings;
    this.tls = TlsMaterial.load(settings.tls());
    this.log = log;
    Map<String, String> common = new LinkedHashMap<>();
    common.put("Authorization", settings.credentials().basicAuthorization());
    common.put("Accept", "application/json");
    common.put("Accept-Encoding", BoundedBody.ACCEPT_ENCODING);
    common.put("User-Agent", UserAgent.of(name));
    this.headers = common;
  }

  /**
   * Sends {@code request} and completes with the data center's answer, whatever its status, its
   * body read within {@link TransportSettings#maxResponseBytes()} and inflated ({@link
   * BoundedBody}); or fails with what the HTTP library failed with. Must not block, follow a
   * redirect or retry; may throw instead of failing the stage.
   */
  protected abstract CompletionStage<ApiAnswer> send(ApiRequest request);

  /** Releases what the subclass owns (threads, connections); called once, by the first {@link #close()}. */
  protected abstract void release();

  /** The settings this transport was created with. */
  protected final TransportSettings settings() {
    return settings;
  }

  /** The TLS material loaded from {@link #settings()}, for the HTTP library's client. */
  protected final TlsMaterial tls() {
    return tls;
  }

  /** Whether {@link #close()} has been called: calls now fail at once. */
  protected final boolean closeCalled() {
    return closed.get();
  }

  @Override
  public final CompletionStage<List<FaxReport>> listOldest(DataCenter dataCenter) {
    return call(dataCenter, "GET", ApiPaths.reports(settings.customerNumber()), null, WireFormat::readReports);
  }

  @Override
  public final CompletionStage<List<DeletionResult>> deleteOldest(DataCenter dataCenter) {
    return call(dataCenter, "DELETE", ApiPaths.reports(settings.customerNumber()), null, WireFormat::readDeletions);
  }

  @Override
  public final CompletionStage<FaxReport> fetch(DataCenter dataCenter, String jobId) {
    return call(dataCenter, "GET", ApiPaths.report(settings.customerNumber(), jobId), null, WireFormat::readReport);
  }

  @Override
  public final CompletionStage<DeletionResult> delete(DataCenter dataCenter, String jobId) {
    return call(dataCenter, "DELETE", ApiPaths.report(settings.customerNumber(), jobId), null,
        body -> WireFormat.readDeletion(body, jobId));
  }

  @Override
  public final CompletionStage<List<FaxReport>> bulkGet(DataCenter dataCenter, List<String> jobIds) {
    return call(dataCenter, "POST", ApiPaths.reports(settings.customerNumber()),
        WireFormat.writeBulkRequest(new BulkRequest(BulkAction.GET, jobIds)), WireFormat::readReports);
  }

  @Override
  public final CompletionStage<List<DeletionResult>> bulkDelete(DataCenter dataCenter, List<String> jobIds) {
    return call(dataCenter, "POST", ApiPaths.reports(settings.customerNumber()),
        WireFormat.writeBulkRequest(new BulkRequest(BulkAction.DELETE, jobIds)), WireFormat::readDeletions);
  }

  /** Refuses further calls and, the first time, {@link #release()}s; idempotent. */
  @Override
  public final void close() {
    if (closed.compareAndSet(false, true)) {
      release();
    }
  }

  private <T> CompletionStage<T> call(
      DataCenter dataCenter, String method, String path, byte[] body, Function<byte[], T> reader) {
    if (closed.get()) {
      return CompletableFuture.failedFuture(new TransportException(
          "the " + name + " transport is closed", dataCenter, FaxReportsException.NO_STATUS, false, null));
    }
    long start = System.nanoTime();
    ResponseSizes.Sink size = ResponseSizes.current(); // taken now: the facade's observers hear the answer's size
    ApiRequest request = request(dataCenter, method, path, body);
    CompletionStage<ApiAnswer> sent;
    try {
      sent = send(request);
    } catch (RuntimeException e) {
      sent = CompletableFuture.failedFuture(e);
    }
    return sent.handle((answer, error) -> {
      if (error != null) {
        FaxReportsException failure = HttpAnswers.noAnswer(dataCenter, error, settings, tls);
        log(request, failure.httpStatusIfPresent().isPresent()
            ? String.valueOf(failure.httpStatus()) : failure.getClass().getSimpleName(), start);
        throw failure;
      }
      tls.answered(dataCenter.baseUri());
      log(request, String.valueOf(answer.status()), start);
      if (!HttpAnswers.isSuccess(answer.status())) {
        throw HttpAnswers.failure(dataCenter, answer.status(), answer.body(), answer.retryAfter(), answer.location());
      }
      size.received(answer.status(), answer.body().length);
      return HttpAnswers.decode(dataCenter, answer.status(), answer.body(), reader);
    });
  }

  private ApiRequest request(DataCenter dataCenter, String method, String path, byte[] body) {
    Map<String, String> requestHeaders = new LinkedHashMap<>(headers);
    if (body != null) {
      requestHeaders.put("Content-Type", "application/json");
    }
    return new ApiRequest(dataCenter, method, ApiPaths.at(dataCenter, path), requestHeaders, body);
  }

  private void log(ApiRequest request, String outcome, long start) {
    if (log.enabled()) {
      log.write(request.dataCenter().name() + " " + request.method() + " " + request.target() + " -> " + outcome
          + " in " + (System.nanoTime() - start) / 1_000_000 + " ms");
    }
  }
}
