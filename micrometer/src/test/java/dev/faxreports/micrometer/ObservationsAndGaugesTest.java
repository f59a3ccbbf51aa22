package dev.faxreports.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faxreports.FaxReports;
import dev.faxreports.config.ConfigSource;
import dev.faxreports.model.DataCenter;
import dev.faxreports.testkit.FakeFaxService;
import dev.faxreports.testkit.Fault;
import dev.faxreports.testkit.Operation;
import dev.faxreports.testkit.SampleReports;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Observations (spans), the oldest-age gauge, the opt-in customer tag and configuration by name. */
class ObservationsAndGaugesTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @Test
  void everyAttemptAndTheDrainAreObservations() {
    FakeFaxService fake = FakeFaxService.europe();
    fake.seedSamples(DataCenter.DE1, 3);
    fake.faults().failNext(DataCenter.DE2, Operation.LIST, 1, Fault.unavailable());
    TestObservationRegistry observations = TestObservationRegistry.create();

    try (FakeServerRun run = new FakeServerRun(fake);
         FaxReports reports = run.facade("vertx", MicrometerObserver.builder(registry)
             .observationRegistry(observations).build())) {
      reports.drain(page -> {});
    }

    TestObservationRegistryAssert.assertThat(observations)
        .hasNumberOfObservationsWithNameEqualTo(FaxReportsMeters.REQUEST_OBSERVATION, fake.calls().size())
        .hasNumberOfObservationsWithNameEqualTo(FaxReportsMeters.DRAIN_OBSERVATION, 1)
        .forAllObservationsWithNameEqualTo(FaxReportsMeters.REQUEST_OBSERVATION, observation -> observation
            .hasLowCardinalityKeyValueWithKey("data.center")
            .hasLowCardinalityKeyValueWithKey("operation")
            .hasLowCardinalityKeyValueWithKey("outcome")
            .hasLowCardinalityKeyValueWithKey("status"))
        .hasAnObservation(observation -> observation
            .hasNameEqualTo(FaxReportsMeters.REQUEST_OBSERVATION)
            .hasLowCardinalityKeyValue("data.center", "DE2")
            .hasLowCardinalityKeyValue("outcome", "server.error")
            .hasLowCardinalityKeyValue("status", "503")
            .hasError())
        .hasAnObservation(observation -> observation
            .hasNameEqualTo(FaxReportsMeters.DRAIN_OBSERVATION)
            .hasHighCardinalityKeyValue("reports.exported", "3"));
    TestObservationRegistryAssert.assertThat(observations)
        .hasObservationWithNameEqualTo(FaxReportsMeters.DRAIN_OBSERVATION).that().hasBeenStarted().hasBeenStopped();
  }

  @Test
  void theOldestAgeIsNowMinusTheOldestSentTsOfTheLastListing() {
    Instant now = Instant.parse("2026-12-01T12:00:00Z");
    FakeFaxService fake = FakeFaxService.builder().dataCenters(DataCenter.DE1).build();
    fake.seed(DataCenter.DE1, SampleReports.delivered("NEW", now.minus(Duration.ofDays(1))),
        SampleReports.delivered("OLD", now.minus(Duration.ofDays(21))));
    MicrometerObserver observer = MicrometerObserver.builder(registry)
        .clock(Clock.fixed(now, ZoneOffset.UTC)).build();

    try (FakeServerRun run = new FakeServerRun(fake);
         FaxReports reports = run.facade("feign", observer)) {
      reports.list();
    }

    assertThat(registry.get(FaxReportsMeters.REPORTS_OLDEST_AGE).tag("data.center", "DE1").gauge().value())
        .isEqualTo(Duration.ofDays(21).toSeconds());
    assertThat(registry.get(FaxReportsMeters.REPORTS_PENDING).tag("data.center", "DE1").gauge().value())
        .isEqualTo(2);
  }

  @Test
  void theCustomerNumberIsATagOnlyWhenAskedFor() {
    FakeFaxService fake = FakeFaxService.europe();
    try (FakeServerRun run = new FakeServerRun(fake);
         FaxReports reports = run.facade("feign", MicrometerObserver.builder(registry)
             .customerNumberTag("12345").build())) {
      reports.list();
    }
    assertThat(registry.getMeters()).isNotEmpty().allSatisfy(meter ->
        assertThat(meter.getId().getTag(FaxReportsMeters.CUSTOMER_NUMBER)).isEqualTo("12345"));
  }

  @Test
  void configurationByNameRecordsIntoTheGlobalRegistry() {
    FakeFaxService fake = FakeFaxService.europe();
    Metrics.addRegistry(registry);
    try (FakeServerRun run = new FakeServerRun(fake);
         FaxReports reports = FaxReports.fromConfiguration(ConfigSource.of(Map.of(
             "retarus.fax.transport", "feign",
             "retarus.fax.endpoints", run.server.dataCenters().stream()
                 .map(dc -> dc.baseUri().toString()).collect(Collectors.joining(",")),
             "retarus.fax.customer-number", "12345",
             "retarus.fax.username", "fax-üser",
             "retarus.fax.password", "pässwörd:with:colons-✓",
             "retarus.fax.observers", "micrometer",
             MicrometerObserverProvider.CUSTOMER_NUMBER_TAG, "true")))) {
      reports.list();
      assertThat(registry.get(FaxReportsMeters.REQUESTS).tag("customer.number", "12345").timers())
          .hasSize(2); // one per data center
    } finally {
      Metrics.removeRegistry(registry);
    }
  }
}
