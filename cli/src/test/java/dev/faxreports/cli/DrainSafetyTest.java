package dev.faxreports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faxreports.model.DataCenter;
import dev.faxreports.model.FaxReport;
import dev.faxreports.testkit.Fault;
import dev.faxreports.testkit.Operation;
import dev.faxreports.wire.WireFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nothing lost, nothing acknowledged before it is on disk — under faults and interruption. */
class DrainSafetyTest {

  private final CliFixture cli = new CliFixture();
  @TempDir Path dir;

  @AfterEach
  void close() {
    cli.close();
  }

  /** The IDs of the complete lines: another page may be half-written at the moment we look. */
  private static Set<String> idsIn(Path file) throws IOException {
    if (!Files.exists(file)) {
      return Set.of();
    }
    String text = Files.readString(file);
    String complete = text.substring(0, text.lastIndexOf('\n') + 1);
    return complete.lines()
        .map(line -> WireFormat.readReportLine(line.getBytes(StandardCharsets.UTF_8)).report().jobId())
        .collect(Collectors.toSet());
  }

  /** Fails the test later if a delete ever names a report that is not in the file yet. */
  private List<String> watchAcknowledgements(Path file) {
    List<String> deletedBeforeWritten = new CopyOnWriteArrayList<>();
    cli.fake.onCall(call -> {
      if (call.operation() == Operation.BULK_DELETE || call.operation() == Operation.DELETE_OLDEST) {
        try {
          Set<String> onDisk = idsIn(file);
          call.jobIds().stream().filter(id -> !onDisk.contains(id)).forEach(deletedBeforeWritten::add);
          if (call.operation() == Operation.DELETE_OLDEST) {
            deletedBeforeWritten.add("delete-oldest was called");
          }
        } catch (IOException | RuntimeException e) {
          deletedBeforeWritten.add("unreadable file: " + e);
        }
      }
    });
    return deletedBeforeWritten;
  }

  @Test
  void underRandomFaultsEverySeededReportEndsUpInTheFileAndNoneIsDeletedBeforeIt() throws IOException {
    Set<String> seeded = new HashSet<>();
    cli.fake.seedSamples(DataCenter.DE1, 4_200).forEach(r -> seeded.add(r.jobId()));
    cli.fake.seedSamples(DataCenter.DE2, 2_100).forEach(r -> seeded.add(r.jobId()));
    cli.fake.faults().randomly(20261123L, 0.2, List.of(Fault.unavailable(), Fault.unknownError(),
        Fault.connectionClosedBeforeResponse(), Fault.connectionClosedMidBody(), Fault.truncatedJson(),
        Fault.htmlErrorPage(502)));
    Path out = dir.resolve("export.jsonl");
    List<String> deletedBeforeWritten = watchAcknowledgements(out);

    int runs = 0;
    CliFixture.Run run;
    do { // a data center that exhausts its retries stops; cron would simply run the tool again
      run = cli.run("--max-attempts", "6", "drain", "--out", out.toString());
      runs++;
    } while (run.exit() == ExitCodes.PARTIAL && runs < 10);

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(idsIn(out)).isEqualTo(seeded);
    assertThat(deletedBeforeWritten).isEmpty();
    assertThat(cli.fake.reports(DataCenter.DE1)).isEmpty();
    assertThat(cli.fake.reports(DataCenter.DE2)).isEmpty();
  }

  @Test
  void aDrainStoppedBySignalLeavesOnlyWrittenReportsDeletedAndARerunFinishes() throws Exception {
    List<FaxReport> seeded = new ArrayList<>(cli.fake.seedSamples(DataCenter.DE1, 6_000));
    seeded.addAll(cli.fake.seedSamples(DataCenter.DE2, 3_000));
    cli.fake.faults().latency(DataCenter.DE1, Duration.ofMillis(150)).latency(DataCenter.DE2, Duration.ofMillis(150));
    Path out = dir.resolve("export.jsonl");
    List<String> deletedBeforeWritten = watchAcknowledgements(out);

    // Once a page is in the file, the next listing waits until the tool has taken the signal: the
    // drain cannot run to its end first.
    Hold hold = Hold.on(cli.fake);
    hold.arm(call -> call.operation() == Operation.LIST && !idsIn(out).isEmpty());
    Process tool = ToolProcess.start(cli, dir, List.of(), "drain", "--out", out.toString());
    ToolProcess.waitUntil(() -> hold.holding() || !tool.isAlive(), Duration.ofSeconds(30));
    tool.destroy(); // SIGTERM: the JVM runs the tool's shutdown hook, as on Ctrl-C
    ToolProcess.waitUntil(() -> Files.readString(dir.resolve("stderr.txt")).contains("interrupted") || !tool.isAlive(),
        Duration.ofSeconds(30));
    hold.release();
    assertThat(tool.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String stderr = Files.readString(dir.resolve("stderr.txt"));

    assertThat(stderr).contains("interrupted");
    assertThat(deletedBeforeWritten).isEmpty();
    int left = cli.fake.reports(DataCenter.DE1).size() + cli.fake.reports(DataCenter.DE2).size();
    assertThat(left).as("the signal stopped the drain before the end").isPositive();
    Set<String> remaining = new HashSet<>();
    cli.fake.reports(DataCenter.DE1).forEach(r -> remaining.add(r.jobId()));
    cli.fake.reports(DataCenter.DE2).forEach(r -> remaining.add(r.jobId()));
    Set<String> gone = seeded.stream().map(FaxReport::jobId).filter(id -> !remaining.contains(id)).collect(Collectors.toSet());
    assertThat(idsIn(out)).containsAll(gone);

    cli.fake.faults().clear();
    CliFixture.Run rerun = cli.run("drain", "--out", out.toString());

    assertThat(rerun.exit()).isZero();
    assertThat(idsIn(out)).isEqualTo(seeded.stream().map(FaxReport::jobId).collect(Collectors.toSet()));
    assertThat(deletedBeforeWritten).isEmpty();
  }
}
