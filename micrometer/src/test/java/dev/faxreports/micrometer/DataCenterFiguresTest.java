package dev.faxreports.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faxreports.FaxReports;
import dev.faxreports.model.DataCenter;
import dev.faxreports.testkit.FakeFaxService;
import dev.faxreports.testkit.Fault;
import dev.faxreports.testkit.Operation;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The per-data-center figures a run's summary shows, read back from the meters. */
class DataCenterFiguresTest {

  @Test
  void figuresPerDataCenterMatchTheFake() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    FakeFaxService fake = FakeFaxService.europe();
    fake.seedSamples(DataCenter.DE1, 1_200);
    fake.faults().failNext(DataCenter.DE2, Operation.LIST, 2, Fault.unavailable());
    try (FakeServerRun run = new FakeServerRun(fake);
         FaxReports reports = run.facade("feign",
             MicrometerObserver.builder(registry).latencyHistogram(true).build())) {
      reports.drain(page -> {});

      Map<String, DataCenterFigures> figures = DataCenterFigures.byDataCenter(registry);

      assertThat(figures).containsOnlyKeys("DE1", "DE2");
      DataCenterFigures de1 = figures.get("DE1");
      DataCenterFigures de2 = figures.get("DE2");
      assertThat(de1.requests()).isEqualTo(fake.calls().stream().filter(c -> c.dataCenter().equals("DE1")).count());
      assertThat(de2.requests()).isEqualTo(3); // two 503s, then the empty listing
      assertThat(de2.failedRequests()).isEqualTo(2);
      assertThat(de2.retries()).isEqualTo(2);
      assertThat(de1.retries()).isZero();
      assertThat(de1.bytes() + de2.bytes()).isEqualTo(run.server.bodyBytesSent());
      assertThat(de1.p50()).isPositive().isLessThanOrEqualTo(de1.p99());
      assertThat(de1.p99()).isLessThan(Duration.ofSeconds(30));
    }
  }

  @Test
  void withoutAHistogramThereAreNoPercentiles() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    FakeFaxService fake = FakeFaxService.europe();
    try (FakeServerRun run = new FakeServerRun(fake);
         FaxReports reports = run.facade("feign", MicrometerObserver.create(registry))) {
      reports.list();
    }
    DataCenterFigures de1 = DataCenterFigures.byDataCenter(registry).get("DE1");
    assertThat(de1.requests()).isEqualTo(1);
    assertThat(de1.p50()).isNull();
    assertThat(de1.p99()).isNull();
  }
}
