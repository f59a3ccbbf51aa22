package dev.faxreports.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faxreports.FaxReports;
import dev.faxreports.model.DataCenter;
import dev.faxreports.testkit.FakeFaxService;
import dev.faxreports.testkit.Fault;
import dev.faxreports.testkit.Operation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Over each real transport against the HTTP fake with faults, the meters count exactly what the
 * fake recorded: every attempt, every retry, every exported and deleted report.
 */
class MetersOverTransportsTest {

  private final MeterRegistry registry = new SimpleMeterRegistry();

  @ParameterizedTest
  @ValueSource(strings = {"feign", "vertx"})
  void countsEqualWhatTheFakeRecorded(String transport) {
    FakeFaxService fake = FakeFaxService.europe();
    fake.seedSamples(DataCenter.DE1, 1_500);
    fake.seedSamples(DataCenter.DE2, 300);
    fake.faults().failNext(DataCenter.DE1, Operation.LIST, 2, Fault.unavailable());
    fake.faults().failNext(DataCenter.DE2, Operation.BULK_DELETE, 1, Fault.connectionClosedBeforeResponse());
    fake.faults().failNext(DataCenter.DE2, Operation.FETCH, 1, Fault.status(500));
    AtomicLong drainsRunningDuringHandler = new AtomicLong(-1);

    try (FakeServerRun run = new FakeServerRun(fake);
         FaxReports reports = run.facade(transport, MicrometerObserver.create(registry))) {
      reports.list();
      try {
        reports.get("NOWHERE");
      } catch (RuntimeException expected) {
        // DE2 answered 500 (not retried), DE1 404: whether it exists is unknown
      }
      reports.drain(page -> drainsRunningDuringHandler.set(
          registry.get(FaxReportsMeters.DRAIN).longTaskTimer().activeTasks()));
    }

    // Every request the fake recorded is one timed attempt, per data center and operation.
    Map<List<String>, Long> recorded = fake.calls().stream().collect(Collectors.groupingBy(
        call -> List.of(call.dataCenter(), FakeServerRun.tagOf(call.operation())), Collectors.counting()));
    Map<List<String>, Long> timed = registry.find(FaxReportsMeters.REQUESTS).timers().stream()
        .collect(Collectors.groupingBy(t -> List.of(t.getId().getTag("data.center"), t.getId().getTag("operation")),
            Collectors.summingLong(Timer::count)));
    assertThat(timed).isEqualTo(recorded);

    // The faulted attempts, by outcome and status.
    assertThat(requests("DE1", "list", "server.error", "503")).isEqualTo(2);
    assertThat(requests("DE1", "list", "success", "200")).isEqualTo(fake.calls(DataCenter.DE1, Operation.LIST).size() - 2);
    assertThat(requests("DE2", "bulk.delete", "connection", "none")).isEqualTo(1);
    assertThat(requests("DE2", "get", "server.error", "500")).isEqualTo(1);
    assertThat(requests("DE1", "get", "client.error", "404")).isEqualTo(1);

    // Retries: the two 503s and the lost connection — not the 500, which is not retried.
    assertThat(counter(FaxReportsMeters.RETRIES, "DE1", "list", "server.error")).isEqualTo(2);
    assertThat(counter(FaxReportsMeters.RETRIES, "DE2", "bulk.delete", "connection")).isEqualTo(1);
    assertThat(registry.find(FaxReportsMeters.RETRIES).counters()).hasSize(2);
    assertThat(registry.get(FaxReportsMeters.DATA_CENTER_FAILURES).tag("data.center", "DE2")
        .tag("operation", "get").tag("outcome", "server.error").counter().count()).isEqualTo(1);

    // The drain: everything exported and deleted; the fake is empty, and so are the gauges.
    assertThat(drainCounter(FaxReportsMeters.REPORTS_EXPORTED, "DE1")).isEqualTo(1_500);
    assertThat(drainCounter(FaxReportsMeters.REPORTS_EXPORTED, "DE2")).isEqualTo(300);
    long deletedByFake = fake.calls(Operation.BULK_DELETE).size(); // sanity: deletes happened
    assertThat(deletedByFake).isPositive();
    assertThat(drainCounter(FaxReportsMeters.REPORTS_DELETED, "DE1")).isEqualTo(1_500);
    assertThat(drainCounter(FaxReportsMeters.REPORTS_DELETED, "DE2")).isEqualTo(300);
    assertThat(registry.find(FaxReportsMeters.REPORTS_DELETE_FAILED).counters())
        .allSatisfy(c -> assertThat(c.count()).isZero());
    assertThat(fake.reports(DataCenter.DE1)).isEmpty();
    assertThat(gauge(FaxReportsMeters.REPORTS_PENDING, "DE1")).isZero();
    assertThat(gauge(FaxReportsMeters.REPORTS_OLDEST_AGE, "DE2")).isZero();
    assertThat(drainsRunningDuringHandler).hasValue(1);
    LongTaskTimer drains = registry.get(FaxReportsMeters.DRAIN).longTaskTimer();
    assertThat(drains.activeTasks()).isZero();

    // Low cardinality: no tag value anywhere is a job ID.
    List<String> jobIds = fake.calls().stream().flatMap(call -> call.jobIds().stream()).distinct().toList();
    assertThat(registry.getMeters().stream().flatMap(m -> m.getId().getTags().stream()).map(Tag::getValue))
        .doesNotContainAnyElementsOf(jobIds)
        .doesNotContain("12345"); // nor the customer number, unless asked for
  }

  @ParameterizedTest
  @ValueSource(strings = {"feign", "vertx"})
  void answerBytesEqualWhatTheServerSent(String transport) {
    FakeFaxService fake = FakeFaxService.europe();
    fake.seedSamples(DataCenter.DE1, 40);
    fake.seedSamples(DataCenter.DE2, 7);
    try (FakeServerRun run = new FakeServerRun(fake);
         FaxReports reports = run.facade(transport, MicrometerObserver.create(registry))) {
      reports.list();
      reports.getMany(fake.reports(DataCenter.DE1).stream().limit(5).map(r -> r.jobId()).toList());

      double bytes = registry.find(FaxReportsMeters.RESPONSE_SIZE).summaries().stream()
          .mapToDouble(s -> s.totalAmount()).sum();
      assertThat((long) bytes).isEqualTo(run.server.bodyBytesSent()); // identity encoding: decoded = sent
      assertThat(registry.find(FaxReportsMeters.RESPONSE_SIZE).summaries().stream().mapToLong(s -> s.count()).sum())
          .isEqualTo(fake.calls().size());
      assertThat(gauge(FaxReportsMeters.REPORTS_PENDING, "DE1")).isEqualTo(40);
      assertThat(gauge(FaxReportsMeters.REPORTS_PENDING, "DE2")).isEqualTo(7);
    }
  }

  private long requests(String dataCenter, String operation, String outcome, String status) {
    Timer timer = registry.find(FaxReportsMeters.REQUESTS).tag("data.center", dataCenter).tag("operation", operation)
        .tag("outcome", outcome).tag("status", status).timer();
    return timer == null ? 0 : timer.count();
  }

  private double counter(String name, String dataCenter, String operation, String reason) {
    Counter counter = registry.find(name).tag("data.center", dataCenter).tag("operation", operation)
        .tag("reason", reason).counter();
    return counter == null ? 0 : counter.count();
  }

  private double drainCounter(String name, String dataCenter) {
    return registry.get(name).tag("data.center", dataCenter).counter().count();
  }

  private double gauge(String name, String dataCenter) {
    return registry.get(name).tag("data.center", dataCenter).gauge().value();
  }

}
