package dev.faxreports.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faxreports.FaxReports;
import dev.faxreports.testkit.Fault;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Drains a large seeded set through each transport while random faults (from a fixed seed, so a
 * failure can be replayed) hit one call in five: the exported set equals the seeded set.
 * 20,000 reports in the normal build; 200,000 with {@code -Psoak} (see reliability/pom.xml).
 */
class SoakTest {

  private static final int REPORTS = Integer.getInteger("soak.reports", 20_000);
  private static final long SEED = 0xFA7_2026L;

  @ParameterizedTest(name = "{0}: a soak drain under random faults loses no report")
  @ValueSource(strings = {"feign", "vertx"})
  void aLongDrainUnderRandomFaultsLosesNothing(String transport) {
    try (Harness harness = new Harness()) {
      Set<String> seeded = harness.seed(REPORTS / 2);
      harness.fake.faults().randomly(SEED, 0.2, List.of(Fault.unavailable(), Fault.unknownError(),
          Fault.connectionClosedBeforeResponse(), Fault.connectionClosedMidBody(), Fault.truncatedJson(),
          Fault.htmlErrorPage(502), Fault.delay(Duration.ofMillis(30))));

      Harness.Drained drained;
      try (FaxReports reports = harness.facade(transport)) {
        drained = harness.drainUntilEmpty(reports, 20, () -> { });
      }

      assertThat(drained.handedOver()).as("exported").isEqualTo(seeded);
      assertThat(drained.deletedEarly()).as("deleted before their handler returned").isEmpty();
      assertThat(harness.remaining()).as("left at the service").isZero();
      System.out.printf("soak %s: %,d reports, %d drain runs (%d with a failed data center), %,d calls%n",
          transport, seeded.size(), drained.runs(), drained.failedRuns(), harness.fake.calls().size());
    }
  }
}
