package dev.faxreports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faxreports.model.DataCenter;
import dev.faxreports.testkit.Fault;
import dev.faxreports.testkit.Operation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The drain's last words per data center, and its meters as a Prometheus file: what the server saw. */
class DrainMetricsTest {

  private final CliFixture cli = new CliFixture();
  @TempDir Path dir;

  @AfterEach
  void close() {
    cli.close();
  }

  @Test
  void aSummaryLinePerDataCenterAndAPrometheusFileWhoseCountsAreTheServersCalls() throws IOException {
    cli.fake.seedSamples(DataCenter.DE1, 2_500);
    cli.fake.seedSamples(DataCenter.DE2, 700);
    cli.fake.faults().failNext(DataCenter.DE1, Operation.LIST, 2, Fault.unavailable());
    Path metrics = dir.resolve("faxreports.prom");

    CliFixture.Run run = cli.run("drain", "--out", dir.resolve("out.jsonl").toString(), "--metrics-file", metrics.toString());

    assertThat(run.exit()).as(run.err()).isZero();
    int de1Calls = cli.fake.calls(DataCenter.DE1, Operation.LIST).size() + cli.fake.calls(DataCenter.DE1, Operation.BULK_DELETE).size();
    int de2Calls = cli.fake.calls(DataCenter.DE2, Operation.LIST).size() + cli.fake.calls(DataCenter.DE2, Operation.BULK_DELETE).size();
    assertThat(run.err()).contains("DE1: " + de1Calls + " requests (2 failed), 2 retries, p50 ")
        .contains("DE2: " + de2Calls + " requests (0 failed), 0 retries, p50 ");
    String prometheus = Files.readString(metrics);
    assertThat(sum(prometheus, "faxreports_requests_seconds_count", "DE1")).isEqualTo(de1Calls);
    assertThat(sum(prometheus, "faxreports_requests_seconds_count", "DE2")).isEqualTo(de2Calls);
    assertThat(sum(prometheus, "faxreports_reports_exported_total", "DE1")).as(prometheus).isEqualTo(2_500);
    assertThat(prometheus).doesNotContain(CliFixture.PASSWORD).doesNotContain("jobId");
  }

  /** The sum of a metric's samples for one data center. */
  private static long sum(String prometheus, String metric, String dataCenter) {
    Matcher samples = Pattern.compile("(?m)^" + metric + "\\{([^}]*)\\} ([0-9.eE+]+)$").matcher(prometheus);
    double total = 0;
    while (samples.find()) {
      if (samples.group(1).contains("data_center=\"" + dataCenter + "\"")) {
        total += Double.parseDouble(samples.group(2));
      }
    }
    return Math.round(total);
  }
}
