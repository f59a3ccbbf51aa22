package dev.faxreports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faxreports.model.DataCenter;
import dev.faxreports.model.FaxReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data center that keeps listing what it acknowledged used to make the drain write the same
 * reports forever. It must end, write each report once, and say which data center is stuck.
 */
class UnprogressingDrainTest {

  private final CliFixture cli = new CliFixture();
  @TempDir Path dir;

  @AfterEach
  void close() {
    cli.close();
  }

  @Test
  void aStaleListingInOneDataCenterEndsWithExitOneAndEachReportWrittenOnce() throws IOException {
    List<FaxReport> de1 = cli.fake.seedSamples(DataCenter.DE1, 4);
    List<FaxReport> de2 = cli.fake.seedSamples(DataCenter.DE2, 3);
    cli.fake.faults().staleListing(DataCenter.DE1);
    Path out = dir.resolve("reports.jsonl");

    CliFixture.Run run = cli.run("drain", "--out", out.toString());

    assertThat(run.exit()).as(run.err()).isEqualTo(1);
    assertThat(run.err()).contains("DE1").contains("no progress").contains("listed again");
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).hasSize(de1.size() + de2.size()).doesNotHaveDuplicates();
    assertThat(run.err()).contains("deleted 7").contains("DE1 4");
  }

  @Test
  void lyingDeletesEverywhereEndWithAFailureAndEachReportWrittenOnce() throws IOException {
    cli.fake.seedSamples(DataCenter.DE1, 5);
    cli.fake.seedSamples(DataCenter.DE2, 5);
    cli.fake.faults().lyingDeletes(DataCenter.DE1).lyingDeletes(DataCenter.DE2);
    Path out = dir.resolve("reports.jsonl");

    CliFixture.Run run = cli.run("drain", "--out", out.toString());

    assertThat(run.exit()).as(run.err()).isIn(1, 5);
    assertThat(run.err()).contains("no progress");
    assertThat(Files.readAllLines(out)).hasSize(10).doesNotHaveDuplicates();
    assertThat(cli.fake.reports(DataCenter.DE1)).hasSize(5);
  }
}
