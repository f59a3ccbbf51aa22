package dev.faxreports.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faxreports.model.FaxReport;
import dev.faxreports.testkit.SampleReports;
import dev.faxreports.wire.WireFormat;
import java.io.IOException;
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
 * One list page of 1000 varied reports decoded by the wire module into the core records, against
 * plain Jackson databind into equivalent plain records. One operation is one report.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DecodeBenchmark {

  static final int REPORTS_PER_PAGE = 1000;

  byte[] page;
  ObjectMapper mapper;

  @Setup
  public void setUp() {
    page = page();
    mapper = PlainRecords.mapper();
  }

  static byte[] page() {
    return WireFormat.writeReports(SampleReports.generate("FJJ", REPORTS_PER_PAGE,
        Instant.parse("2026-11-01T08:00:00Z"), 42));
  }

  @Benchmark
  @OperationsPerInvocation(REPORTS_PER_PAGE)
  public List<FaxReport> wire() {
    return WireFormat.readReports(page);
  }

  @Benchmark
  @OperationsPerInvocation(REPORTS_PER_PAGE)
  public PlainRecords.Page jacksonDatabindBaseline() throws IOException {
    return mapper.readValue(page, PlainRecords.Page.class);
  }
}
