package dev.faxreports.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faxreports.model.DataCenter;
import dev.faxreports.model.FaxReport;
import dev.faxreports.model.Region;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Behaviour of the fake that the contract suite does not reach: expiry, presets, faults, threads. */
class FakeFaxServiceTest {

  private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

  /** A clock the test moves by hand. */
  static final class MovableClock extends Clock {
    private final AtomicReference<Instant> now = new AtomicReference<>(NOW);

    void advance(Duration by) {
      now.updateAndGet(t -> t.plus(by));
    }

    @Override
    public Instant instant() {
      return now.get();
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  @Test
  void reportsExpireAfterThirtyDaysByTheInjectedClock() {
    MovableClock clock = new MovableClock();
    FakeFaxService fake = FakeFaxService.builder().dataCenters(DataCenter.DE1).clock(clock).build();
    fake.seed(DataCenter.DE1, SampleReports.delivered("OLD", NOW));
    clock.advance(Duration.ofDays(10));
    fake.seed(DataCenter.DE1, SampleReports.delivered("YOUNG", NOW));

    clock.advance(Duration.ofDays(20).minusSeconds(1));
    assertThat(fake.reports(DataCenter.DE1)).extracting(FaxReport::jobId).containsExactly("OLD", "YOUNG");
    clock.advance(Duration.ofSeconds(1));
    assertThat(fake.reports(DataCenter.DE1)).extracting(FaxReport::jobId).containsExactly("YOUNG");
    assertThat(fake.listOldest(DataCenter.DE1).toCompletableFuture().join()).hasSize(1);
  }

  @Test
  void seedingWithAnOlderReceiveTimePutsTheReportFirst() {
    FakeFaxService fake = FakeFaxService.builder().region(Region.EUROPE).clock(new MovableClock()).build();
    fake.seed(DataCenter.DE1, SampleReports.delivered("LATER", NOW), NOW.minusSeconds(10));
    fake.seed(DataCenter.DE1, SampleReports.delivered("EARLIER", NOW), NOW.minusSeconds(20));

    assertThat(fake.reports(DataCenter.DE1)).extracting(FaxReport::jobId).containsExactly("EARLIER", "LATER");
  }

  @Test
  void seedingAReportAlreadyPastTheRetentionIsRefusedNamingIt() {
    FakeFaxService fake = FakeFaxService.builder().dataCenters(DataCenter.DE1).clock(new MovableClock()).build();

    fake.seed(DataCenter.DE1, SampleReports.delivered("YOUNG", NOW), fake.now().minus(Duration.ofDays(30)).plusSeconds(1));
    assertThatThrownBy(() -> fake.seed(DataCenter.DE1, SampleReports.delivered("STALE", NOW),
        fake.now().minus(Duration.ofDays(30))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("STALE").hasMessageContaining("retention is 30 days");
    assertThat(fake.reports(DataCenter.DE1)).extracting(FaxReport::jobId).containsExactly("YOUNG");
  }

  @Test
  void seedingRelativeToTheRealClockNeverExpires() {
    FakeFaxService fake = FakeFaxService.europe();
    fake.seed(DataCenter.DE1, SampleReports.delivered("RECENT", NOW), fake.now().minus(Duration.ofDays(29)));

    assertThat(fake.reports(DataCenter.DE1)).extracting(FaxReport::jobId).containsExactly("RECENT");
  }

  @Test
  void presetsAndSamples() {
    FakeFaxService fake = FakeFaxService.europe();
    assertThat(fake.dataCenters()).containsExactly(DataCenter.DE1, DataCenter.DE2);

    List<FaxReport> samples = fake.seedSamples(DataCenter.DE2, 500);
    assertThat(samples).extracting(FaxReport::jobId).doesNotHaveDuplicates()
        .allMatch(id -> id.matches("DE2\\d{8}"));
    assertThat(samples).extracting(r -> r.recipientStatus().get(0).status()).hasSizeGreaterThan(1)
        .doesNotContainNull();
    assertThat(samples.stream().map(r -> r.recipientStatus().get(0).status()).distinct().count()).isGreaterThan(3);
    assertThat(SampleReports.generate("X", 20, NOW, 1)).isEqualTo(SampleReports.generate("X", 20, NOW, 1));
  }

  @Test
  void anUnknownDataCenterIsAClearError() {
    FakeFaxService fake = FakeFaxService.builder().dataCenters(DataCenter.US1).build();

    assertThatThrownBy(() -> fake.seed(DataCenter.DE1, SampleReports.delivered("A", NOW)))
        .hasMessageContaining("DE1").hasMessageContaining("US1");
  }

  @Test
  void countedFaultsAreUsedUpAndDataCenterFaultsHitEveryOperation() {
    FakeFaxService fake = FakeFaxService.europe();
    fake.faults().failNextCalls(DataCenter.DE1, 2, Fault.unavailable());

    assertThat(fake.listOldest(DataCenter.DE2).toCompletableFuture()).isCompleted();
    assertThat(fake.listOldest(DataCenter.DE1).toCompletableFuture()).isCompletedExceptionally();
    assertThat(fake.bulkGet(DataCenter.DE1, List.of("A")).toCompletableFuture()).isCompletedExceptionally();
    assertThat(fake.listOldest(DataCenter.DE1).toCompletableFuture()).isCompleted();
  }

  @Test
  void randomFaultsRepeatForTheSameSeed() {
    assertThat(outcomes(42)).isEqualTo(outcomes(42)).contains(true, false);
  }

  private static List<Boolean> outcomes(long seed) {
    FakeFaxService fake = FakeFaxService.europe();
    fake.faults().randomly(seed, 0.3, List.of(Fault.unavailable(), Fault.truncatedJson()));
    List<Boolean> failed = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      failed.add(fake.listOldest(DataCenter.DE1).toCompletableFuture().isCompletedExceptionally());
    }
    return failed;
  }

  @Test
  void manyThreadsAtOnceLoseNothing() throws Exception {
    FakeFaxService fake = FakeFaxService.europe();
    List<FaxReport> seeded = fake.seedSamples(DataCenter.DE1, 8_000);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<CompletableFuture<Integer>> deletions = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        List<String> slice = seeded.subList(t * 1_000, (t + 1) * 1_000).stream().map(FaxReport::jobId).toList();
        deletions.add(CompletableFuture.supplyAsync(() -> {
          fake.listOldest(DataCenter.DE1).toCompletableFuture().join();
          return (int) fake.bulkDelete(DataCenter.DE1, slice).toCompletableFuture().join()
              .stream().filter(r -> r.deleted()).count();
        }, pool));
      }
      int deleted = 0;
      for (CompletableFuture<Integer> d : deletions) {
        deleted += d.get(10, TimeUnit.SECONDS);
      }
      assertThat(deleted).isEqualTo(8_000);
      assertThat(fake.reports(DataCenter.DE1)).isEmpty();
      assertThat(fake.calls(Operation.BULK_DELETE)).hasSize(8);
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void retryAfterIsWholeSecondsAsTheHeaderHasIt() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Fault.unavailable(Duration.ofMillis(1_500)))
        .hasMessageContaining("whole seconds");
  }
}
