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
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command against the HTTP fake server: what it prints and how it exits. */
class CommandsTest {

  private final CliFixture cli = new CliFixture();
  @TempDir Path dir;

  @AfterEach
  void close() {
    cli.close();
  }

  private static List<FaxReport> parse(List<String> lines) {
    return lines.stream().map(line -> WireFormat.readReportLine(line.getBytes(StandardCharsets.UTF_8)).report()).toList();
  }

  @Test
  void listPrintsEveryDataCentersReportsAsJsonLines() {
    List<FaxReport> de1 = cli.fake.seedSamples(DataCenter.DE1, 3);
    List<FaxReport> de2 = cli.fake.seedSamples(DataCenter.DE2, 2);

    CliFixture.Run run = cli.run("list");

    assertThat(run.exit()).isZero();
    assertThat(run.lines()).hasSize(5).allMatch(line -> line.startsWith("{\"dataCenter\":\"DE"));
    assertThat(parse(run.lines())).containsExactlyInAnyOrderElementsOf(
        java.util.stream.Stream.concat(de1.stream(), de2.stream()).toList());
    assertThat(run.lines().stream().filter(l -> l.contains("\"jobId\":\"DE2"))).allMatch(l -> l.contains("\"dataCenter\":\"DE2\""));
  }

  @Test
  void getPrintsTheReportOrExitsFourWhenNoDataCenterHasIt() {
    FaxReport report = cli.fake.seedSamples(DataCenter.DE2, 1).get(0);

    CliFixture.Run found = cli.run("get", report.jobId());
    CliFixture.Run missing = cli.run("get", "NOWHERE1");

    assertThat(found.exit()).isZero();
    assertThat(parse(found.lines())).containsExactly(report);
    assertThat(missing.exit()).isEqualTo(4);
    assertThat(missing.out()).isEmpty();
    assertThat(missing.err()).contains("NOWHERE1").contains("no data center");
  }

  @Test
  void bulkGetReadsIdsFromArgumentsAndAFile() throws IOException {
    List<FaxReport> seeded = cli.fake.seedSamples(DataCenter.DE1, 2_500);
    Path ids = dir.resolve("ids.txt");
    Files.writeString(ids, "# exported yesterday\n" + String.join("\n",
        seeded.subList(0, 2_400).stream().map(FaxReport::jobId).toList()) + "\n\n  UNKNOWN  \n");

    CliFixture.Run run = cli.run("bulk-get", "--ids-file", ids.toString(), seeded.get(2_499).jobId());

    assertThat(run.exit()).isZero();
    assertThat(run.lines()).hasSize(2_401);
    assertThat(cli.fake.calls(DataCenter.DE1, Operation.BULK_GET)).extracting(c -> c.jobIds().size())
        .containsExactly(1_000, 1_000, 402);
  }

  @Test
  void bulkDeletePrintsOneMergedLinePerId() {
    FaxReport inDe2 = cli.fake.seedSamples(DataCenter.DE2, 1).get(0);

    CliFixture.Run run = cli.run("bulk-delete", inDe2.jobId(), "GONE1", inDe2.jobId());

    assertThat(run.exit()).isZero();
    assertThat(run.lines()).containsExactly(
        "{\"jobId\":\"" + inDe2.jobId() + "\",\"deleted\":true}",
        "{\"jobId\":\"GONE1\",\"deleted\":false,\"reason\":\"NOT_FOUND\"}");
    assertThat(cli.fake.reports(DataCenter.DE2)).isEmpty();
  }

  @Test
  void deleteOldestPrintsOneLinePerDeletedReport() {
    cli.fake.seedSamples(DataCenter.DE1, 2);
    cli.fake.seedSamples(DataCenter.DE2, 1);

    CliFixture.Run run = cli.run("delete-oldest");

    assertThat(run.exit()).isZero();
    assertThat(run.lines()).hasSize(3).allMatch(l -> l.matches("\\{\"dataCenter\":\"DE[12]\",\"jobId\":\"DE[12]\\d+\",\"deleted\":true}"));
  }

  @Test
  void drainExportsEverythingToTheFileAndEmptiesTheService() throws IOException {
    List<FaxReport> de1 = cli.fake.seedSamples(DataCenter.DE1, 2_300);
    List<FaxReport> de2 = cli.fake.seedSamples(DataCenter.DE2, 700);
    Path out = dir.resolve("export.jsonl");

    CliFixture.Run run = cli.run("drain", "--out", out.toString());

    assertThat(run.exit()).isZero();
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("exported 3,000 reports").contains("DE1 2,300").contains("DE2 700");
    assertThat(parse(Files.readAllLines(out))).containsExactlyInAnyOrderElementsOf(
        java.util.stream.Stream.concat(de1.stream(), de2.stream()).toList());
    assertThat(cli.fake.reports(DataCenter.DE1)).isEmpty();
    assertThat(cli.fake.reports(DataCenter.DE2)).isEmpty();
  }

  @Test
  void drainAppendsAndCutsAHalfWrittenLineLeftByACrash() throws IOException {
    Path out = dir.resolve("export.jsonl");
    Files.writeString(out, "{\"dataCenter\":\"DE1\",\"report\":{\"jobId\":\"EARLIER\",\"recipientStatus\":[]}}\n"
        + "{\"dataCenter\":\"DE1\",\"report\":{\"jobId\":\"HA");
    cli.fake.seedSamples(DataCenter.DE1, 10);

    CliFixture.Run run = cli.run("drain", "--out", out.toString());

    assertThat(run.exit()).isZero();
    assertThat(run.err()).contains("half-written last line");
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).hasSize(11);
    assertThat(lines.get(0)).contains("EARLIER");
    assertThat(parse(lines)).hasSize(11); // every line is whole JSON again
  }

  @Test
  void demoDrainsItsOwnFakeWithoutNetworkOrCredentials() throws IOException {
    cli.environment.clear();
    Path out = dir.resolve("demo.jsonl");

    CliFixture.Run run = cli.runRaw("--transport", "vertx", "demo", "--reports", "1500", "--out", out.toString());

    assertThat(run.exit()).isZero();
    assertThat(run.err()).contains("through the vertx transport").contains("exported 1,500 reports")
        .contains("the fake service holds 0 reports now");
    assertThat(Files.readAllLines(out)).hasSize(1_500);
  }

  @Test
  void aDataCenterThatFailsMakesThePartialExitCodeAndIsNamed() {
    cli.fake.seedSamples(DataCenter.DE1, 4);
    cli.fake.faults().down(DataCenter.DE2);

    CliFixture.Run run = cli.run("--max-attempts", "1", "list");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.lines()).hasSize(4);
    assertThat(run.err()).contains("data center DE2 failed").contains("could not connect");
  }

  @Test
  void retriesHideATemporaryFailure() {
    cli.fake.seedSamples(DataCenter.DE1, 4);
    cli.fake.faults().failNext(Operation.LIST, 2, Fault.unavailable());

    assertThat(cli.run("list").exit()).isZero();
  }

  @Test
  void aRetryAfterLongerThanTheDeadlineIsReportedAsSuchAtOnce() {
    cli.fake.faults().failNext(DataCenter.DE1, Operation.LIST, 1, Fault.unavailable(java.time.Duration.ofSeconds(86_400)));

    long start = System.nanoTime();
    CliFixture.Run run = cli.run("list");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).isLessThan(java.time.Duration.ofSeconds(30));
    assertThat(run.err()).contains("data center DE1 failed").contains("the server asked to wait PT24H")
        .contains("left of the overall deadline of PT2M").doesNotContain("gave up after the overall deadline");
  }

  @Test
  void getExitsZeroWhenFoundEvenIfAnotherDataCenterIsDown() {
    FaxReport report = cli.fake.seedSamples(DataCenter.DE1, 1).get(0);
    cli.fake.faults().down(DataCenter.DE2);

    CliFixture.Run run = cli.run("--max-attempts", "1", "get", report.jobId());

    assertThat(run.exit()).isZero();
    assertThat(run.lines()).hasSize(1);
  }

  @Test
  @SuppressWarnings("try") // the lock is held, not used: it is what the second drain meets
  void aSecondDrainIntoTheSameFileIsRefusedWhileTheFirstWrites() throws IOException {
    Path out = dir.resolve("busy.jsonl");
    cli.fake.seedSamples(DataCenter.DE1, 5);
    try (java.nio.channels.FileChannel first = java.nio.channels.FileChannel.open(out,
        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
         java.nio.channels.FileLock lock = first.lock()) {

      CliFixture.Run run = cli.run("drain", "--out", out.toString());

      assertThat(run.exit()).isEqualTo(2);
      assertThat(run.err()).contains("being written by another drain");
    }
    assertThat(cli.fake.calls()).as("nothing sent").isEmpty();
    assertThat(cli.run("drain", "--out", out.toString()).exit()).isZero();
  }

  @Test
  void aDrainFileThatCannotBeOpenedIsAUsageErrorNamingIt() {
    CliFixture.Run run = cli.run("drain", "--out", dir.resolve("no/such/dir/x.jsonl").toString());

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("cannot open").contains("x.jsonl");
    assertThat(cli.fake.calls()).isEmpty();
  }

  @Test
  void theDemoIgnoresTheEnvironmentAndTheUsersEndpoints() throws IOException {
    cli.environment.put("RETARUS_FAX_MAX_ATTEMPTS", "1");
    cli.environment.put("RETARUS_FAX_REGION", "EU");
    cli.environment.put("RETARUS_PASSWORD", "not-the-demo-one");

    CliFixture.Run run = cli.runRaw("--region", "USA", "--customer", "999", "demo", "--reports", "200",
        "--out", dir.resolve("demo.jsonl").toString());

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.err()).contains("through the feign transport");
    assertThat(Files.readAllLines(dir.resolve("demo.jsonl"))).hasSize(200);
  }
}
