package dev.faxreports.internal;

import dev.faxreports.micrometer.MicrometerObserver;
import dev.faxreports.model.DataCenter;
import dev.faxreports.model.FaxReport;
import dev.faxreports.observe.DrainObserver;
import dev.faxreports.observe.Operation;
import dev.faxreports.observe.Outcome;
import dev.faxreports.observe.PageAcknowledged;
import dev.faxreports.observe.PageExported;
import dev.faxreports.observe.RequestFinished;
import dev.faxreports.observe.RequestObserver;
import dev.faxreports.testkit.SampleReports;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What observing costs per drained report, free of the network's noise: the events one drain round
 * of a full page raises (the list request, the page listed with its oldest send time scanned, the
 * page exported, the bulk delete request, the page acknowledged), built by core's {@link Observers}
 * exactly as a drain builds them and heard by a {@link MicrometerObserver} with its latency
 * histogram on. One operation is one report. Set against a drain's cost per report, it bounds how
 * much slower observing makes a drain; the end-to-end drains beside it only confirm the order of
 * magnitude, their rounds vary by far more than 3% on a shared machine.
 *
 * <p>In core's internal package because the {@link Observers} calls it makes are package-private
 * there: the benchmark must measure core's own event building, not a copy of it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ObservedPathBenchmark {

  static final int REPORTS_PER_PAGE = 1000;
  private static final DataCenter DATA_CENTER = DataCenter.DE1;

  Observers observers;
  DrainObserver drain;
  List<FaxReport> page;

  @Setup
  public void setUp() {
    observers = new Observers(List.of(
        MicrometerObserver.builder(new SimpleMeterRegistry()).latencyHistogram(true).build()));
    drain = observers.drainStarted(List.of(DATA_CENTER));
    page = SampleReports.generate("FJJ", REPORTS_PER_PAGE, Instant.now().minus(Duration.ofDays(3)), 42);
  }

  @Benchmark
  @OperationsPerInvocation(REPORTS_PER_PAGE)
  public void onePageObserved() {
    request(Operation.LIST, Duration.ofMillis(12), 480_000);
    observers.pageListed(DATA_CENTER, page);
    drain.pageExported(new PageExported(DATA_CENTER, 1, REPORTS_PER_PAGE));
    request(Operation.BULK_DELETE, Duration.ofMillis(7), 40_000);
    drain.pageAcknowledged(new PageAcknowledged(DATA_CENTER, 1, REPORTS_PER_PAGE, 0));
  }

  private void request(Operation operation, Duration took, long bytes) {
    RequestObserver request = observers.requestStarted(DATA_CENTER, operation, 1);
    request.finished(new RequestFinished(DATA_CENTER, operation, 1, Outcome.SUCCESS, 200, took, bytes, null));
  }
}
