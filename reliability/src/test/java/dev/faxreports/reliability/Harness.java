package dev.faxreports.reliability;

import dev.faxreports.FaxReports;
import dev.faxreports.RetryPolicy;
import dev.faxreports.error.FaxReportsException;
import dev.faxreports.model.Credentials;
import dev.faxreports.model.DataCenter;
import dev.faxreports.model.FaxReport;
import dev.faxreports.model.Region;
import dev.faxreports.testkit.FakeFaxServer;
import dev.faxreports.testkit.FakeFaxService;
import dev.faxreports.testkit.Operation;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The fake service over loopback HTTP, a facade per transport, and a drain that watches every
 * delete: a delete that names a report its handler has not yet returned for is recorded as early.
 */
final class Harness implements AutoCloseable {

  static final String CUSTOMER = "31337";
  static final Credentials CREDENTIALS = new Credentials("reliability", "Rel-Secret-Pässwort-9");
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(1);
  static final long MAX_RESPONSE_BYTES = 2L << 20;

  final FakeFaxService fake;
  final FakeFaxServer server;
  private final Set<String> handedOver = ConcurrentHashMap.newKeySet();
  private final List<String> deletedEarly = new CopyOnWriteArrayList<>();

  Harness() {
    this(FakeFaxService.builder().region(Region.EUROPE).build());
  }

  Harness(FakeFaxService fake) {
    this.fake = fake;
    this.server = FakeFaxServer.start(fake, CUSTOMER, CREDENTIALS);
    fake.onCall(call -> {
      if (call.operation() == Operation.DELETE_OLDEST) {
        deletedEarly.add("delete-oldest");
      }
      if (call.operation() == Operation.BULK_DELETE) {
        // One addAll per call: adding ID by ID copies the whole copy-on-write list each time,
        // quadratic in a 25,000-ID bulk delete and slow enough to time requests out.
        deletedEarly.addAll(call.jobIds().stream().filter(id -> !handedOver.contains(id)).toList());
      }
    });
  }

  /** Seeds both European data centers; returns every seeded job ID. */
  Set<String> seed(int perDataCenter) {
    Set<String> ids = new HashSet<>();
    fake.seedSamples(DataCenter.DE1, perDataCenter).forEach(r -> ids.add(r.jobId()));
    fake.seedSamples(DataCenter.DE2, perDataCenter).forEach(r -> ids.add(r.jobId()));
    return ids;
  }

  FaxReports facade(String transport) {
    return FaxReports.builder()
        .dataCenters(server.dataCenters())
        .customerNumber(CUSTOMER)
        .credentials(CREDENTIALS)
        .transportName(transport)
        .retryPolicy(new RetryPolicy(4, Duration.ofMillis(10), Duration.ofMillis(100), 2.0))
        .requestTimeout(REQUEST_TIMEOUT)
        // A page of 1000 reports is ~350 KB. With the 16 MiB default, an endless answer had to
        // stream 16 MiB within the 1 s request timeout, which a loaded 2-core machine missed.
        .maxResponseBytes(MAX_RESPONSE_BYTES)
        .deadline(Duration.ofSeconds(30))
        .build();
  }

  /** What draining until the service was empty took. */
  record Drained(Set<String> handedOver, List<String> deletedEarly, int runs, int failedRuns) {}

  /**
   * Drains, and drains again (as cron would) while reports remain, up to {@code maxRuns} times;
   * {@code betweenRuns} can lift a fault that outlasts retries.
   */
  Drained drainUntilEmpty(FaxReports reports, int maxRuns, Runnable betweenRuns) {
    int runs = 0;
    int failed = 0;
    while (runs < maxRuns && remaining() > 0) {
      runs++;
      try {
        if (!reports.drain(page -> page.reports().stream().map(FaxReport::jobId).forEach(handedOver::add))
            .isComplete()) {
          failed++;
        }
      } catch (FaxReportsException everyDataCenterFailed) {
        failed++;
      }
      betweenRuns.run();
    }
    return new Drained(Set.copyOf(handedOver), List.copyOf(deletedEarly), runs, failed);
  }

  int remaining() {
    return fake.reports(DataCenter.DE1).size() + fake.reports(DataCenter.DE2).size();
  }

  @Override
  public void close() {
    server.close();
  }
}
