package dev.faxreports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faxreports.model.DataCenter;
import dev.faxreports.model.FaxReport;
import dev.faxreports.testkit.SampleReports;
import dev.faxreports.wire.ReportLine;
import dev.faxreports.wire.WireFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The export file holds each report as the server sent it: the service deletes its copy right
 * after, so a field this library does not know, a null or a blank must survive byte for byte.
 */
class ExportFidelityTest {

  private final CliFixture cli = new CliFixture();
  @TempDir Path dir;

  @AfterEach
  void close() {
    cli.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"feign", "vertx"})
  void whatTheDrainStoredEqualsWhatTheServerSent(String transport) throws IOException {
    Map<String, byte[]> served = new HashMap<>();
    List<FaxReport> seeded = new java.util.ArrayList<>();
    seeded.add(SampleReports.unusualJson("ODD1"));
    cli.fake.seed(DataCenter.DE1, seeded.get(0));
    seeded.addAll(cli.fake.seedSamples(DataCenter.DE1, 3));
    FaxReport inDe2 = SampleReports.unusualJson("ODD2");
    cli.fake.seed(DataCenter.DE2, inDe2);
    seeded.add(inDe2);
    seeded.forEach(report -> served.put(report.jobId(), WireFormat.writeReport(report)));
    Path out = dir.resolve("reports.jsonl");

    CliFixture.Run run = cli.run("--transport", transport, "drain", "--out", out.toString());

    assertThat(run.exit()).as(run.err()).isZero();
    List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
    assertThat(lines).hasSize(5);
    for (String line : lines) {
      ReportLine stored = WireFormat.readReportLine(line.getBytes(StandardCharsets.UTF_8));
      byte[] sent = served.get(stored.report().jobId());
      assertThat(stored.report().originalJson().bytes()).isEqualTo(sent);
      assertThat(line).isEqualTo("{\"dataCenter\":\"" + stored.dataCenter() + "\",\"report\":"
          + new String(sent, StandardCharsets.UTF_8) + "}");
    }
    assertThat(cli.fake.reports(DataCenter.DE1)).isEmpty();
    assertThat(cli.fake.reports(DataCenter.DE2)).isEmpty();
  }
}
