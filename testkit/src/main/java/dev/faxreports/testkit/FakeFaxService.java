package dev.faxreports.testkit;

import dev.faxreports.FaxReports;
import dev.faxreports.FaxReportsBuilder;
import dev.faxreports.RetryPolicy;
import dev.faxreports.error.FaxReportsException;
import dev.faxreports.error.NotFoundException;
import dev.faxreports.error.ResponseTooLargeException;
import dev.faxreports.error.TransportException;
import dev.faxreports.model.DataCenter;
import dev.faxreports.model.DeletionResult;
import dev.faxreports.model.FaxReport;
import dev.faxreports.model.Region;
import dev.faxreports.port.FaxReportsTransport;
import dev.faxreports.port.TransportSettings;
import dev.faxreports.wire.ErrorBody;
import dev.faxreports.wire.HttpAnswers;
import dev.faxreports.wire.WireFormat;
import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * An in-memory Retarus Fax status-report service that implements the transport SPI, so code under
 * test runs the real facade (fan-out, retries, chunking, drain) against it. It behaves like the
 * service — each data center has its own reports, oldest first, 1000 per listing, unknown IDs
 * omitted from bulk GET and NOT_FOUND in bulk DELETE, reports expire after 30 days — and passes the
 * same contract suite as every real transport.
 *
 * <pre>{@code
 * FakeFaxService fake = FakeFaxService.europe();
 * fake.seed(DataCenter.DE1, SampleReports.delivered("JOB1", Instant.now()));
 * fake.faults().failNext(Operation.LIST, 2, Fault.unavailable());
 * try (FaxReports reports = fake.facade()) { ... }
 * assertThat(fake.reports(DataCenter.DE1)).isEmpty();
 * }</pre>
 *
 * <p>Thread-safe. Data centers are told apart by name, so the same fake serves {@link
 * DataCenter#DE1} and a loopback data center named "DE1" (see {@link FakeFaxServer}).
 */
public final class FakeFaxService implements FaxReportsTransport {

  private final List<DataCenter> dataCenters;
  private final FakeStore store;
  private final FaultPlan faults = new FaultPlan();
  private final List<RecordedCall> calls = Collections.synchronizedList(new ArrayList<>());
  private final List<java.util.function.Consumer<RecordedCall>> listeners =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  FakeFaxService(List<DataCenter> dataCenters, FakeStore store) {
    this.dataCenters = List.copyOf(dataCenters);
    this.store = store;
  }

  public static FakeFaxServiceBuilder builder() {
    return new FakeFaxServiceBuilder();
  }

  /** DE1 and DE2 on the real clock. */
  public static FakeFaxService europe() {
    return builder().region(Region.EUROPE).build();
  }

  // ---- seeding and inspection -----------------------------------------------------------------

  /** Adds reports to a data center, received now; a report with a known ID replaces it. */
  public FakeFaxService seed(DataCenter dataCenter, FaxReport... reports) {
    return seed(dataCenter, List.of(reports));
  }

  public FakeFaxService seed(DataCenter dataCenter, Collection<FaxReport> reports) {
    Instant now = store.now();
    reports.forEach(report -> store.put(dataCenter.name(), report, now));
    return this;
  }

  /**
   * Adds a report received at {@code receivedAt}: that decides its age and its expiry.
   *
   * @throws IllegalArgumentException if {@code receivedAt} is already past the retention by the
   *     fake's clock: such a report would be gone before the first request. Seed relative to
   *     {@link #now()}, or build the fake with a fixed clock.
   */
  public FakeFaxService seed(DataCenter dataCenter, FaxReport report, Instant receivedAt) {
    store.put(dataCenter.name(), report, receivedAt);
    return this;
  }

  /** Adds {@code count} varied reports with IDs {@code <data center name>00000000…}. */
  public List<FaxReport> seedSamples(DataCenter dataCenter, int count) {
    List<FaxReport> samples = SampleReports.generate(
        dataCenter.name().replaceAll("[^A-Za-z0-9]", ""), count, store.now(), dataCenter.name().hashCode());
    seed(dataCenter, samples);
    return samples;
  }

  /** The time by the fake's clock: seed relative to it, and a fixture never expires by the calendar. */
  public Instant now() {
    return store.now();
  }

  /** Every report the data center holds now, oldest first (no limit of 1000 here). */
  public List<FaxReport> reports(DataCenter dataCenter) {
    return store.all(dataCenter.name());
  }

  /** The data centers this fake serves, as configured. */
  public List<DataCenter> dataCenters() {
    return dataCenters;
  }

  public FaultPlan faults() {
    return faults;
  }

  /** Every call received so far, in order. */
  public List<RecordedCall> calls() {
    synchronized (calls) {
      return List.copyOf(calls);
    }
  }

  public List<RecordedCall> calls(Operation operation) {
    return calls().stream().filter(call -> call.operation() == operation).toList();
  }

  public List<RecordedCall> calls(DataCenter dataCenter, Operation operation) {
    return calls(operation).stream().filter(call -> call.dataCenter().equals(dataCenter.name())).toList();
  }

  public void clearCalls() {
    calls.clear();
  }

  /**
   * Calls {@code listener} with every call as it arrives, before the fake acts on it — to check,
   * say, that a report is stored elsewhere before its delete reaches the service.
   */
  public FakeFaxService onCall(java.util.function.Consumer<RecordedCall> listener) {
    listeners.add(listener);
    return this;
  }

  /** A facade over this fake and all its data centers, with quick retries for tests. */
  public FaxReports facade() {
    return facadeBuilder().build();
  }

  /** A facade builder preset for this fake, to adjust before building. */
  public FaxReportsBuilder facadeBuilder() {
    return FaxReports.builder()
        .dataCenters(dataCenters)
        .transport(this)
        .retryPolicy(new RetryPolicy(4, Duration.ofMillis(1), Duration.ofMillis(20), 2.0));
  }

  // ---- the SPI ---------------------------------------------------------------------------------

  @Override
  public CompletionStage<List<FaxReport>> listOldest(DataCenter dataCenter) {
    return answer(dataCenter, Operation.LIST, List.of(), () -> store.oldest(dataCenter.name()));
  }

  @Override
  public CompletionStage<List<DeletionResult>> deleteOldest(DataCenter dataCenter) {
    return answer(dataCenter, Operation.DELETE_OLDEST, List.of(), () -> store.deleteOldest(dataCenter.name()));
  }

  @Override
  public CompletionStage<FaxReport> fetch(DataCenter dataCenter, String jobId) {
    return answer(dataCenter, Operation.FETCH, List.of(jobId), () -> store.get(dataCenter.name(), jobId)
        .orElseThrow(() -> notFound(dataCenter, "No job report available for the given jobId")));
  }

  @Override
  public CompletionStage<DeletionResult> delete(DataCenter dataCenter, String jobId) {
    return answer(dataCenter, Operation.DELETE, List.of(jobId), () -> {
      if (!store.remove(dataCenter.name(), jobId)) {
        throw notFound(dataCenter, "No job report available for the given jobId");
      }
      return DeletionResult.deleted(jobId);
    });
  }

  @Override
  public CompletionStage<List<FaxReport>> bulkGet(DataCenter dataCenter, List<String> jobIds) {
    return answer(dataCenter, Operation.BULK_GET, jobIds, () -> bulk(dataCenter,
        () -> store.bulkGet(dataCenter.name(), jobIds, faults.rejectsUnknownIds(dataCenter.name()))));
  }

  @Override
  public CompletionStage<List<DeletionResult>> bulkDelete(DataCenter dataCenter, List<String> jobIds) {
    return answer(dataCenter, Operation.BULK_DELETE, jobIds, () -> bulk(dataCenter,
        () -> store.bulkDelete(dataCenter.name(), jobIds, faults.rejectsUnknownIds(dataCenter.name()),
            faults.deleteMode(dataCenter.name()))));
  }

  /** Nothing to release; the fake stays usable. */
  @Override
  public void close() {}

  @Override
  public String toString() {
    return "FakeFaxService" + dataCenters.stream().map(DataCenter::name).toList();
  }

  // ---- for the HTTP server --------------------------------------------------------------------

  FakeStore store() {
    return store;
  }

  void record(String dataCenter, Operation operation, List<String> jobIds) {
    RecordedCall call = new RecordedCall(dataCenter, operation, jobIds, System.nanoTime());
    calls.add(call);
    listeners.forEach(listener -> listener.accept(call));
  }

  // ---- faults as a correct transport would report them ------------------------------------------

  private <T> CompletionStage<T> answer(
      DataCenter dataCenter, Operation operation, List<String> jobIds, Supplier<T> behaviour) {
    if (faults.isDown(dataCenter.name())) { // refused: never arrives, like over HTTP
      return CompletableFuture.failedFuture(TransportException.connectFailed(
          dataCenter, new ConnectException("Connection refused (data center down in the fake)")));
    }
    record(dataCenter.name(), operation, jobIds);
    Fault fault = faults.take(dataCenter.name(), operation);
    Duration delay = faults.latency(dataCenter.name());
    if (fault != null && fault.kind() == Fault.Kind.DELAY) {
      delay = delay.plus(fault.delay());
    }
    Supplier<T> outcome = () -> {
      if (fault == null || fault.kind() == Fault.Kind.DELAY || fault.kind() == Fault.Kind.GZIP_ENCODED) {
        return behaviour.get(); // a compressed answer is the same answer to a correct transport
      }
      if (fault.kind() == Fault.Kind.CLOSE_MID_BODY) {
        try {
          behaviour.get(); // acted on; the answer, whatever it was, is lost on the way
        } catch (RuntimeException answerLost) {
          // a refusal is lost the same way
        }
      } else if (fault.serviceActs()) {
        behaviour.get(); // truncated JSON: a refusal (404) comes through, a success is cut
      }
      throw asException(dataCenter, fault);
    };
    if (delay.isZero()) {
      try {
        return CompletableFuture.completedFuture(outcome.get());
      } catch (RuntimeException e) {
        return CompletableFuture.failedFuture(e);
      }
    }
    return CompletableFuture.supplyAsync(outcome,
        CompletableFuture.delayedExecutor(delay.toNanos(), TimeUnit.NANOSECONDS));
  }

  /** The exception a correct transport makes of what the HTTP fake server sends for {@code fault}. */
  private static FaxReportsException asException(DataCenter dataCenter, Fault fault) {
    return switch (fault.kind()) {
      case STATUS -> HttpAnswers.failure(dataCenter, fault.status(),
          WireFormat.writeError(new ErrorBody(String.valueOf(fault.status()), FakeHttp.reasonPhrase(fault.status()))),
          fault.retryAfter() == null ? null : String.valueOf(fault.retryAfter().toSeconds()), null);
      case HTML_PAGE -> HttpAnswers.failure(dataCenter, fault.status(),
          FakeHttp.html(fault.status()).getBytes(java.nio.charset.StandardCharsets.UTF_8), null, null);
      case CLOSE_BEFORE_RESPONSE, CLOSE_MID_BODY -> TransportException.connectionLost(dataCenter,
          new java.io.IOException("connection closed by the fake"));
      case TRUNCATED_JSON -> TransportException.malformedBody(dataCenter, 200, "truncated JSON", null);
      case OVERSIZED_BODY, ENDLESS_BODY, GZIP_BOMB -> new ResponseTooLargeException(dataCenter,
          fault.status(), TransportSettings.DEFAULT_MAX_RESPONSE_BYTES);
      case DELAY, GZIP_ENCODED -> throw new IllegalStateException(fault.kind() + " is not a failure");
    };
  }

  private static <T> T bulk(DataCenter dataCenter, Supplier<T> request) {
    try {
      return request.get();
    } catch (FakeStore.RejectedBulkRequest rejected) {
      throw rejected.status == 404 ? notFound(dataCenter, rejected.getMessage())
          : FaxReportsException.forStatus(dataCenter, rejected.status, String.valueOf(rejected.status),
              rejected.getMessage(), null);
    }
  }

  private static NotFoundException notFound(DataCenter dataCenter, String message) {
    return new NotFoundException("HTTP 404", dataCenter, "404", message);
  }
}
