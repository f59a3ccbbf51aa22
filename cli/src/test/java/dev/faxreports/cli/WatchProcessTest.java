package dev.faxreports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faxreports.model.DataCenter;
import dev.faxreports.model.FaxReport;
import dev.faxreports.testkit.Fault;
import dev.faxreports.testkit.Operation;
import dev.faxreports.testkit.SampleReports;
import dev.faxreports.wire.WireFormat;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code watch} as a service runs it: its own JVM, reports arriving over time, a data center down
 * for a while, health and metrics read over real HTTP, and SIGTERM to stop it.
 */
class WatchProcessTest {

  private static final Pattern SERVING = Pattern.compile("serving (http://127\\.0\\.0\\.1:\\d+)/metrics");
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private final CliFixture cli = new CliFixture();
  private final HttpClient http = HttpClient.newHttpClient();
  private final Set<String> seeded = new HashSet<>();
  @TempDir Path dir;
  private Process tool;
  private int batches;

  @AfterEach
  void close() {
    if (tool != null) {
      tool.destroyForcibly();
    }
    cli.close();
  }

  /** Both transports, on whichever JDK runs the tests (CI runs them on 17 and on the newest). */
  @ParameterizedTest
  @ValueSource(strings = {"feign", "vertx"})
  void reportsSeededOverTimeAllArriveAndSigtermEndsWithZero(String transport) throws Exception {
    Path out = dir.resolve("export.jsonl");
    tool = ToolProcess.start(cli, dir, List.of(), "--transport", transport, "watch", "--every", "200ms",
        "--out", out.toString(), "--metrics-port", "0");
    String base = serving();

    for (int batch = 0; batch < 5; batch++) {
      seed(DataCenter.DE1, 300);
      seed(DataCenter.DE2, 200);
      ToolProcess.waitUntil(() -> exported(out).containsAll(seeded), PATIENCE);
    }

    try (Socket stalled = new Socket()) { // a client that sends half a request and waits: others are still answered
      URI uri = URI.create(base);
      stalled.connect(new InetSocketAddress(uri.getHost(), uri.getPort()));
      stalled.getOutputStream().write('G');
      stalled.getOutputStream().flush();
      assertThat(get(base + "/health").statusCode()).isEqualTo(200);
      assertThat(get(base + "/health").body()).startsWith("ok: the last round succeeded");
    }
    String metrics = get(base + "/metrics").body();
    assertThat(metrics).as(stderr()).contains("faxreports_watch_rounds_total{outcome=\"success\"}")
        .contains("faxreports_reports_exported_total{data_center=\"DE1\"} 1500.0")
        .contains("faxreports_reports_exported_total{data_center=\"DE2\"} 1000.0")
        .contains("faxreports_watch_last_success_timestamp_seconds");
    assertThat(cli.fake.reports(DataCenter.DE1)).isEmpty();
    assertThat(cli.fake.reports(DataCenter.DE2)).isEmpty();

    tool.destroy(); // SIGTERM
    assertThat(tool.waitFor(20, TimeUnit.SECONDS)).as(stderr()).isTrue();
    assertThat(tool.exitValue()).as(stderr()).isZero();
    assertThat(stderr()).contains("stopped: every page stored was stored whole");
    assertThat(stderr()).contains("warning: --every 200ms lists every data center 5 times a second");
    assertThat(stderr()).as("no warning of the JVM's (sun.misc.Unsafe, native access) or a logger's")
        .doesNotContainPattern("(?m)^(WARNING|SLF4J)");
    assertThat(endsWithWholeLine(out)).isTrue();
    assertThat(exported(out)).isEqualTo(seeded);
  }

  @Test
  void aDataCenterDownForAWhileIsRiddenOutAndHealthSaysSo() throws Exception {
    Path out = dir.resolve("export.jsonl");
    seed(DataCenter.DE1, 100);
    seed(DataCenter.DE2, 100);
    cli.fake.faults().down(DataCenter.DE2);
    tool = ToolProcess.start(cli, dir, List.of(), "--max-attempts", "1", "watch", "--every", "100ms",
        "--max-backoff", "400ms", "--out", out.toString(), "--metrics-port", "0");
    String base = serving();

    // DE1 keeps being drained while DE2 is down; once the waits reach the cap, /health says 503.
    ToolProcess.waitUntil(() -> get(base + "/health").statusCode() == 503, PATIENCE);
    HttpResponse<String> unhealthy = get(base + "/health");
    assertThat(unhealthy.body()).startsWith("failing since").contains("DE2");
    assertThat(exported(out)).hasSize(100);
    assertThat(stderr()).containsPattern("round \\d+ failed after .*data center DE2 failed");
    assertThat(tool.isAlive()).isTrue();

    cli.fake.faults().up(DataCenter.DE2);
    ToolProcess.waitUntil(() -> exported(out).equals(seeded), PATIENCE);
    ToolProcess.waitUntil(() -> get(base + "/health").statusCode() == 200, PATIENCE);
    assertThat(get(base + "/health").body()).startsWith("ok:");
    assertThat(get(base + "/metrics").body()).containsPattern("faxreports_watch_rounds_total\\{outcome=\"failure\"} [1-9]");

    tool.destroy();
    assertThat(tool.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(tool.exitValue()).as(stderr()).isZero();
  }

  @Test
  void refusedCredentialsAreRetriedUntilTheServiceTakesThemAgain() throws Exception {
    Path out = dir.resolve("export.jsonl");
    seed(DataCenter.DE1, 50);
    seed(DataCenter.DE2, 50);
    cli.fake.faults().failNext(Operation.LIST, 6, Fault.unauthorized());
    tool = ToolProcess.start(cli, dir, List.of(), "watch", "--every", "100ms", "--max-backoff", "300ms",
        "--out", out.toString());

    ToolProcess.waitUntil(() -> exported(out).equals(seeded), PATIENCE);
    assertThat(stderr()).containsPattern("round \\d+ failed after .*(401|credentials|authentication)");
    tool.destroy();
    assertThat(tool.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(tool.exitValue()).as(stderr()).isZero();
  }

  @Test
  void sigtermMidRoundStoresThePageInHandAndDeletesNothingElse() throws Exception {
    Path out = dir.resolve("export.jsonl");
    seed(DataCenter.DE1, 20_000);
    seed(DataCenter.DE2, 20_000);
    cli.fake.faults().latency(DataCenter.DE1, Duration.ofMillis(50)).latency(DataCenter.DE2, Duration.ofMillis(50));
    // Four pages in, the next listing waits until the watch has taken the signal: the round cannot end first.
    Hold hold = Hold.on(cli.fake);
    hold.arm(call -> call.operation() == Operation.LIST && cli.fake.calls(Operation.BULK_DELETE).size() >= 4);
    tool = ToolProcess.start(cli, dir, List.of(), "watch", "--every", "1h", "--out", out.toString());
    ToolProcess.waitUntil(() -> hold.holding() || !tool.isAlive(), PATIENCE);

    tool.destroy();
    ToolProcess.waitUntil(() -> stderr().contains("stopped:") || !tool.isAlive(), PATIENCE);
    hold.release();
    assertThat(tool.waitFor(20, TimeUnit.SECONDS)).as(stderr()).isTrue();
    assertThat(tool.exitValue()).as(stderr()).isZero();

    assertThat(endsWithWholeLine(out)).as("the page in hand was written whole").isTrue();
    Set<String> stored = exported(out);
    Set<String> left = new HashSet<>();
    cli.fake.reports(DataCenter.DE1).forEach(r -> left.add(r.jobId()));
    cli.fake.reports(DataCenter.DE2).forEach(r -> left.add(r.jobId()));
    assertThat(left).as("stopped mid-round: reports are left").isNotEmpty();
    Set<String> deleted = new HashSet<>(seeded);
    deleted.removeAll(left);
    assertThat(stored).as("whatever was deleted at the service is in the file").containsAll(deleted);
  }

  /**
   * The export file, or the SQLite database with its journal files ({@code rm reports.db*}), removed
   * while the watch holds it and reports keep arriving: the page written into the removed file is
   * not deleted at the service, the next round creates the file anew, and every report the service
   * let go of is in what is on disk — the file as it was when removed, and the new one.
   */
  @ParameterizedTest
  @ValueSource(strings = {"--out", "--jdbc"})
  void aFileRemovedUnderTheWatchIsNoticedBeforeAnythingWrittenIntoItIsDeleted(String option) throws Exception {
    boolean sqlite = option.equals("--jdbc");
    Path file = dir.resolve(sqlite ? "reports.db" : "export.jsonl");
    seed(DataCenter.DE1, 2_500);
    Hold hold = Hold.on(cli.fake);
    Set<String> removed;
    try {
      // A page in, the next listing waits: no page is being written when the file goes.
      hold.arm(call -> call.operation() == Operation.LIST && !cli.fake.calls(Operation.BULK_DELETE).isEmpty());
      tool = ToolProcess.start(cli, dir, List.of(), "watch", "--every", "200ms", option,
          sqlite ? "jdbc:sqlite:" + file : file.toString());
      ToolProcess.waitUntil(() -> hold.holding() || !tool.isAlive(), PATIENCE);
      assertThat(tool.isAlive()).as(stderr()).isTrue();
      removed = sqlite ? storedIn(file) : exported(file);
      assertThat(removed).as("the first page").hasSize(1_000);
      try (Stream<Path> files = Files.list(dir)) {
        for (Path each : files.filter(f -> f.getFileName().toString().startsWith(file.getFileName().toString()))
            .toList()) {
          Files.delete(each);
        }
      }
      seed(DataCenter.DE1, 1_500);
      seed(DataCenter.DE2, 700);
    } finally {
      hold.release();
    }

    ToolProcess.waitUntil(() -> left().isEmpty() || !tool.isAlive(), PATIENCE);
    tool.destroy();
    assertThat(tool.waitFor(20, TimeUnit.SECONDS)).as(stderr()).isTrue();
    assertThat(tool.exitValue()).as(stderr()).isZero();
    Set<String> onDisk = new HashSet<>(removed);
    onDisk.addAll(sqlite ? storedIn(file) : exported(file));
    assertThat(onDisk).as("every report deleted at the service is on disk").containsAll(seeded);
    assertThat(stderr()).contains((sqlite ? "the database file " : "") + file.toAbsolutePath()
        + " was removed or replaced while in use; the page stays at the service");
  }

  @Test
  void sighupStopsAsSigtermDoes() throws Exception {
    Path out = dir.resolve("export.jsonl");
    seed(DataCenter.DE1, 100);
    tool = ToolProcess.start(cli, dir, List.of(), "watch", "--every", "1h", "--out", out.toString());
    ToolProcess.waitUntil(() -> stderr().contains("round 1:") || !tool.isAlive(), PATIENCE);

    Process kill = new ProcessBuilder("kill", "-HUP", Long.toString(tool.pid())).inheritIO().start();
    assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(kill.exitValue()).isZero();
    assertThat(tool.waitFor(20, TimeUnit.SECONDS)).as(stderr()).isTrue();
    assertThat(tool.exitValue()).as("not the JVM's 129; " + stderr()).isZero();
    assertThat(stderr()).contains("stopped: every page stored was stored whole");
    assertThat(exported(out)).isEqualTo(seeded);
  }

  @Test
  void usageErrorsEndAtOnceWithTwo() {
    assertThat(cli.run("watch", "--out", dir.resolve("a").toString()).exit()).isEqualTo(2); // no --every
    assertThat(cli.run("watch", "--every", "0s", "--out", dir.resolve("a").toString()).err())
        .contains("no positive duration");
    assertThat(cli.run("watch", "--every", "soon", "--out", dir.resolve("a").toString()).exit()).isEqualTo(2);
    assertThat(cli.run("watch", "--every", "1s").exit()).isEqualTo(2); // no sink
    assertThat(cli.run("watch", "--every", "1s", "--out", dir.resolve("a").toString(), "--metrics-port", "70000")
        .exit()).isEqualTo(2);
  }

  /** Seeds reports with IDs new to this test (a fake's own samples repeat their IDs). */
  private void seed(DataCenter dataCenter, int count) {
    List<FaxReport> reports = SampleReports.generate(dataCenter.name() + "B" + batches++, count, Instant.now(), batches);
    cli.fake.seed(dataCenter, reports);
    reports.forEach(report -> seeded.add(report.jobId()));
  }

  private Set<String> left() {
    Set<String> left = new HashSet<>();
    cli.fake.reports(DataCenter.DE1).forEach(r -> left.add(r.jobId()));
    cli.fake.reports(DataCenter.DE2).forEach(r -> left.add(r.jobId()));
    return left;
  }

  /** Job IDs in a SQLite database the tool may hold open (and lock for a moment). */
  private static Set<String> storedIn(Path database) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("busy_timeout", "10000");
    Set<String> ids = new HashSet<>();
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database, properties);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT job_id FROM fax_reports")) {
      while (rows.next()) {
        ids.add(rows.getString(1));
      }
    }
    return ids;
  }

  /** The URL the tool says it serves on. */
  private String serving() throws Exception {
    String[] url = new String[1];
    ToolProcess.waitUntil(() -> {
      Matcher matcher = SERVING.matcher(stderr());
      return matcher.find() && (url[0] = matcher.group(1)) != null;
    }, PATIENCE);
    return url[0];
  }

  private HttpResponse<String> get(String url) throws IOException {
    try {
      return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  /**
   * Job IDs in the export, each complete line parsed whole; a last line still being written (no
   * newline yet) is left for the next look.
   */
  private static Set<String> exported(Path out) throws IOException {
    Set<String> ids = new HashSet<>();
    if (!Files.exists(out)) {
      return ids;
    }
    String text = Files.readString(out, StandardCharsets.UTF_8);
    String complete = text.substring(0, text.lastIndexOf('\n') + 1);
    for (String line : complete.split("\n")) {
      if (!line.isEmpty()) {
        ids.add(WireFormat.readReportLine(line.getBytes(StandardCharsets.UTF_8)).report().jobId());
      }
    }
    return ids;
  }

  private static boolean endsWithWholeLine(Path out) throws IOException {
    String text = Files.readString(out, StandardCharsets.UTF_8);
    return text.isEmpty() || text.endsWith("\n");
  }

  private String stderr() throws IOException {
    Path file = dir.resolve("stderr.txt");
    return Files.exists(file) ? Files.readString(file) : "";
  }
}
