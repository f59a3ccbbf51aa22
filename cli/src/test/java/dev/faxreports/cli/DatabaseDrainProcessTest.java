package dev.faxreports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faxreports.cli.sink.DatabaseSink;
import dev.faxreports.model.DataCenter;
import dev.faxreports.model.FaxReport;
import dev.faxreports.testkit.Fault;
import dev.faxreports.testkit.Operation;
import dev.faxreports.testsupport.postgres.PostgresCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code drain --jdbc} and {@code watch --jdbc} in JVMs of their own, against both dialects, under
 * the worst a machine does: SIGKILL at random moments, the database stopped mid-drain, SIGTERM
 * mid-round. After every blow, whatever the service no longer holds is in the table; after a rerun
 * the table holds every report exactly once and the service none.
 *
 * <p>Every blow acts on something observed — rows in the table, calls at the fake — never after a
 * sleep, and a {@link Hold} keeps the drain from moving past the moment (listing another page,
 * finishing) until the blow has landed: the tests pass on a machine of any speed.
 *
 * <p>A test here starts the tool's JVM up to six times and drains 20,000 reports: 10 to 30 s on a
 * busy two-core machine, over a minute when it is three times slower. The build's default timeout
 * (a minute, to end a hang) is raised for them; every wait inside is bounded on its own.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class DatabaseDrainProcessTest {

  private static final int PER_DATA_CENTER = 10_000;
  /** The most reports a data center lists at once: a page. */
  private static final int PAGE = 1_000;
  private static final int KILLS = 5;
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private static PostgresCluster postgres;

  private final CliFixture cli = new CliFixture();
  private final Hold hold = Hold.on(cli.fake);
  private final Set<String> seeded = new HashSet<>();
  @TempDir Path dir;
  private Process tool;

  @BeforeAll
  static void startPostgres() {
    postgres = PostgresCluster.builder().start();
  }

  @AfterAll
  static void stopPostgres() {
    postgres.close();
  }

  @AfterEach
  void close() throws SQLException {
    if (tool != null) {
      tool.destroyForcibly();
    }
    hold.release();
    cli.close();
    if (postgres.isRunning()) {
      try (Connection connection = postgresConnection(); Statement statement = connection.createStatement()) {
        statement.execute("DROP OWNED BY CURRENT_USER"); // every table, trigger and function the store made
      }
    }
  }

  @Test
  void sqliteSurvivesRandomKillsAndARerunStoresEveryReportOnce() throws Exception {
    String url = "jdbc:sqlite:" + dir.resolve("reports.db");
    // No connection before the tool made the file: the test's own would create it.
    survivesRandomKills(url, () -> Files.exists(dir.resolve("reports.db")) ? sqliteConnection(url) : null);
  }

  @Test
  void postgresSurvivesRandomKillsAndARerunStoresEveryReportOnce() throws Exception {
    cli.environment.put(DatabaseSink.USERNAME_VARIABLE, postgres.username());
    cli.environment.put(DatabaseSink.PASSWORD_VARIABLE, postgres.password());
    survivesRandomKills(postgres.jdbcUrl(), DatabaseDrainProcessTest::postgresConnection);
  }

  @Test
  void postgresRestartedMidDrainLosesNothingAndTheRerunCompletes() throws Exception {
    cli.environment.put(DatabaseSink.USERNAME_VARIABLE, postgres.username());
    cli.environment.put(DatabaseSink.PASSWORD_VARIABLE, postgres.password());
    seedWithFaults();
    // Four pages in, the next listing waits until the database is down: the drain cannot finish first.
    hold.arm(call -> call.operation() == Operation.LIST && cli.fake.calls(Operation.BULK_DELETE).size() >= 4);
    tool = ToolProcess.start(cli, dir, List.of(), "drain", "--jdbc", postgres.jdbcUrl());
    ToolProcess.waitUntil(() -> hold.holding() || !tool.isAlive(), PATIENCE);
    assertThat(tool.isAlive()).as(Files.readString(dir.resolve("stderr.txt"))).isTrue();

    postgres.stop();
    hold.release();
    boolean ended = tool.waitFor(60, TimeUnit.SECONDS);
    String stderr = Files.readString(dir.resolve("stderr.txt"));
    postgres.start();
    assertThat(ended).as("the drain ends when its database goes away; stderr: %s", stderr).isTrue();
    assertThat(tool.exitValue()).as(stderr).isEqualTo(5);
    assertThat(stderr).doesNotContain(postgres.password());
    assertDeletedAreStored(DatabaseDrainProcessTest::postgresConnection);

    completeWithARerun(postgres.jdbcUrl(), DatabaseDrainProcessTest::postgresConnection);
  }

  @Test
  void watchStoppedMidRoundLeavesAConsistentTableAndExitsZero() throws Exception {
    String url = "jdbc:sqlite:" + dir.resolve("reports.db");
    seedWithFaults();
    // Four pages in, the next listing waits until the watch has taken the signal: the round cannot end first.
    hold.arm(call -> call.operation() == Operation.LIST && cli.fake.calls(Operation.BULK_DELETE).size() >= 4);
    tool = ToolProcess.start(cli, dir, List.of(), "watch", "--every", "1h", "--jdbc", url);
    ToolProcess.waitUntil(() -> hold.holding() || !tool.isAlive(), PATIENCE);

    tool.destroy(); // SIGTERM
    ToolProcess.waitUntil(() -> Files.readString(dir.resolve("stderr.txt")).contains("stopped:") || !tool.isAlive(),
        PATIENCE);
    hold.release();
    assertThat(tool.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(tool.exitValue()).as(Files.readString(dir.resolve("stderr.txt"))).isZero();
    assertThat(left()).as("stopped mid-round").isNotEmpty();
    assertDeletedAreStored(() -> sqliteConnection(url));
    completeWithARerun(url, () -> sqliteConnection(url));
  }

  @Test
  void watchRidesOutItsDatabaseBeingDownAndStoresEverythingOnceItIsBack() throws Exception {
    cli.environment.put(DatabaseSink.USERNAME_VARIABLE, postgres.username());
    cli.environment.put(DatabaseSink.PASSWORD_VARIABLE, postgres.password());
    for (DataCenter dataCenter : List.of(DataCenter.DE1, DataCenter.DE2)) {
      cli.fake.seedSamples(dataCenter, 2_000).forEach(report -> seeded.add(report.jobId()));
    }
    postgres.stop(); // down before the watch starts: it cannot even create its tables
    tool = ToolProcess.start(cli, dir, List.of(), "watch", "--every", "200ms", "--max-backoff", "1s", "--jdbc",
        postgres.jdbcUrl());
    Path stderr = dir.resolve("stderr.txt");
    ToolProcess.waitUntil(() -> Files.readString(stderr).split("round \\d+ failed", -1).length > 3, PATIENCE);
    assertThat(tool.isAlive()).isTrue();
    assertThat(left()).as("nothing deleted while the database is down").isEqualTo(seeded);

    postgres.start();
    ToolProcess.waitUntil(() -> left().isEmpty(), PATIENCE);
    tool.destroy();
    assertThat(tool.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String said = Files.readString(stderr);
    assertThat(tool.exitValue()).as(said).isZero();
    assertThat(said).contains("could not open the report store").doesNotContain(postgres.password())
        .doesNotContain("\tat "); // one line per failing round, no stack traces
    try (Connection connection = postgresConnection(); Statement statement = connection.createStatement()) {
      assertThat(stored(statement)).isEqualTo(seeded);
    }
  }

  @Test
  void theDatabasePasswordIsNeverPrintedAndARefusedOneSaysSo() throws Exception {
    cli.environment.put(DatabaseSink.USERNAME_VARIABLE, postgres.username());
    cli.environment.put(DatabaseSink.PASSWORD_VARIABLE, "Wrong-Secret-77");
    cli.fake.seedSamples(DataCenter.DE1, 10);
    CliFixture.Run run = cli.run("drain", "--jdbc", postgres.jdbcUrl());
    assertThat(run.exit()).isEqualTo(5);
    assertThat(run.err()).contains("password").doesNotContain("Wrong-Secret-77");
    assertThat(cli.fake.reports(DataCenter.DE1)).as("nothing deleted").hasSize(10);

    CliFixture.Run inUrl = cli.run("drain", "--jdbc", postgres.jdbcUrl() + "?password=Url-Secret-88");
    assertThat(inUrl.err()).doesNotContain("Url-Secret-88");
    CliFixture.Run twice = cli.run("drain", "--jdbc", postgres.jdbcUrl() + "?password=Twice-Secret-1", "--jdbc",
        "jdbc:sqlite:a.db?password=Twice-Secret-2");
    assertThat(twice.exit()).isEqualTo(2);
    assertThat(twice.err()).contains("--jdbc").doesNotContain("Twice-Secret");
    CliFixture.Run stray = cli.run("drain", "--out", dir.resolve("b.jsonl").toString(),
        "jdbc:postgresql://u:Stray-Secret@db/fax");
    assertThat(stray.exit()).isEqualTo(2);
    assertThat(stray.err()).doesNotContain("Stray-Secret");
    assertThat(cli.run("drain", "--jdbc", "jdbc:mysql://localhost/reports").exit()).isEqualTo(2);
    assertThat(cli.run("drain", "--jdbc", "jdbc:sqlite::memory:").exit()).isEqualTo(2);
    assertThat(cli.run("drain", "--jdbc", "jdbc:sqlite:" + dir.resolve("a.db"), "--out",
        dir.resolve("a.jsonl").toString()).exit()).isEqualTo(2);
  }

  /**
   * The driver reads only {@code ?user=…&password=…} in lower case: {@code PASSWORD=} or {@code
   * ;password=} reached PostgreSQL as no password, said as "database unreachable". They are read
   * as the credentials now; a refused or missing password is said to be a credentials problem.
   */
  @Test
  void credentialsInTheUrlAreReadInAnyCaseAndAfterSemicolonsAndALoginProblemIsSaidSo() {
    String user = postgres.username();
    String password = postgres.password();
    for (String url : List.of(postgres.jdbcUrl() + "?USER=" + user + "&PASSWORD=" + password,
        postgres.jdbcUrl() + ";user=" + user + ";password=" + password,
        postgres.jdbcUrl() + "?ApplicationName=fax;User=" + user + "&Password=" + password)) {
      cli.fake.seedSamples(DataCenter.DE1, 10);
      CliFixture.Run run = cli.run("drain", "--jdbc", url);
      assertThat(run.exit()).as(run.err()).isZero();
      assertThat(run.err()).doesNotContain(password);
      assertThat(cli.fake.reports(DataCenter.DE1)).as(url).isEmpty();
    }

    cli.fake.seedSamples(DataCenter.DE1, 10);
    CliFixture.Run refused = cli.run("drain", "--jdbc", postgres.jdbcUrl() + "?user=" + user + "&PASSWORD=Wrong-9");
    assertThat(refused.exit()).isEqualTo(5);
    assertThat(refused.err()).contains("credentials refused").doesNotContain("unreachable").doesNotContain("Wrong-9");
    cli.environment.put(DatabaseSink.USERNAME_VARIABLE, user); // and no password anywhere
    CliFixture.Run missing = cli.run("drain", "--jdbc", postgres.jdbcUrl());
    assertThat(missing.exit()).isEqualTo(5);
    assertThat(missing.err()).contains("credentials missing: the database asks for a password and none was given")
        .doesNotContain("unreachable");
    assertThat(cli.fake.reports(DataCenter.DE1)).as("nothing deleted").hasSize(10);
  }

  /**
   * Five SIGKILLs, each once the table holds more rows than a threshold drawn at random between
   * what it held before and what leaves room for the kills still to come (a kill lands at most two
   * pages past its threshold: the page that passed it, and one the other data center had listed),
   * so that the kills spread over the drain and reports are always left for the rerun. From the
   * moment the threshold is passed, the fake holds every listing until the kill: the drain cannot
   * get past it, however fast it runs or however late the test looks.
   */
  private void survivesRandomKills(String url, ConnectionSource database) throws Exception {
    seedWithFaults();
    long seed = System.nanoTime();
    Random random = new Random(seed);
    List<String> blows = new ArrayList<>();
    int killedMidDrain = 0;
    try (RowCount rows = new RowCount(database)) {
      for (int kill = 0; kill < KILLS; kill++) {
        long before = rows.now();
        int killsLeft = KILLS - kill;
        long room = seeded.size() - before - (2L * killsLeft + 1) * PAGE;
        long threshold = before + 1 + (room >= killsLeft ? random.nextLong(room / killsLeft) : 0);
        hold.arm(call -> call.operation() == Operation.LIST && rows.now() >= threshold);
        Process running = ToolProcess.start(cli, dir, List.of(), "drain", "--jdbc", url);
        tool = running;
        ToolProcess.waitUntil(() -> rows.now() >= threshold || hold.holding() || !running.isAlive(), PATIENCE);
        running.destroyForcibly(); // SIGKILL
        assertThat(running.waitFor(10, TimeUnit.SECONDS)).isTrue();
        hold.release();
        blows.add(before + " -> " + threshold + " -> " + rows.now() + " (exit " + running.exitValue() + ")");
        if (running.exitValue() == 137) {
          killedMidDrain++;
        }
        assertDeletedAreStored(database);
      }
    }
    String story = "seed " + seed + "; rows before, threshold, rows after each kill: " + blows + "; stderr: "
        + Files.readString(dir.resolve("stderr.txt"));
    assertThat(hold.errors()).as(story).isEmpty();
    assertThat(killedMidDrain).as("kills that landed mid-drain; " + story).isGreaterThanOrEqualTo(KILLS - 1);
    assertThat(left()).as("killed before the end; " + story).isNotEmpty();
    completeWithARerun(url, database);
  }

  private void completeWithARerun(String url, ConnectionSource database) throws Exception {
    cli.fake.faults().clear();
    tool = ToolProcess.start(cli, dir, List.of(), "drain", "--jdbc", url);
    assertThat(tool.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(tool.exitValue()).as(Files.readString(dir.resolve("stderr.txt"))).isZero();
    assertThat(left()).isEmpty();
    try (Connection connection = database.open(); Statement statement = connection.createStatement()) {
      assertThat(count(statement, "SELECT COUNT(*) FROM fax_reports")).isEqualTo(seeded.size());
      assertThat(stored(statement)).isEqualTo(seeded);
      assertThat(count(statement, "SELECT COUNT(*) FROM fax_recipient_statuses s"
          + " WHERE NOT EXISTS (SELECT 1 FROM fax_reports r WHERE r.job_id = s.job_id)")).isZero();
    }
  }

  /**
   * Two data centers failing now and then, their answers a little late: the drain takes seconds
   * rather than one, so a blow lands at varied points of a page's life (listed, being written,
   * being deleted). No test depends on it: a {@link Hold} keeps each moment from passing.
   */
  private void seedWithFaults() {
    for (DataCenter dataCenter : List.of(DataCenter.DE1, DataCenter.DE2)) {
      for (FaxReport report : cli.fake.seedSamples(dataCenter, PER_DATA_CENTER)) {
        seeded.add(report.jobId());
      }
      cli.fake.faults().latency(dataCenter, Duration.ofMillis(60));
    }
    cli.fake.faults().randomly(7, 0.05, List.of(Fault.unavailable(), Fault.connectionClosedMidBody()));
  }

  /** The invariant after every blow: nothing the service let go of is missing from the table. */
  private void assertDeletedAreStored(ConnectionSource database) throws SQLException {
    Set<String> deleted = new HashSet<>(seeded);
    deleted.removeAll(left());
    Set<String> stored = Set.of();
    try (Connection connection = database.open()) {
      if (connection != null && tableExists(connection)) {
        try (Statement statement = connection.createStatement()) {
          stored = stored(statement);
        }
      }
    }
    Set<String> lost = new HashSet<>(deleted);
    lost.removeAll(stored);
    assertThat(lost).as("deleted at the service but not in the table").isEmpty();
  }

  private Set<String> left() {
    Set<String> left = new HashSet<>();
    for (DataCenter dataCenter : List.of(DataCenter.DE1, DataCenter.DE2)) {
      cli.fake.reports(dataCenter).forEach(report -> left.add(report.jobId()));
    }
    return left;
  }

  private static boolean tableExists(Connection connection) throws SQLException {
    try (ResultSet tables = connection.getMetaData().getTables(null, null, "fax_reports", null)) {
      return tables.next();
    }
  }

  private static Set<String> stored(Statement statement) throws SQLException {
    List<String> ids = new ArrayList<>();
    try (ResultSet rows = statement.executeQuery("SELECT job_id FROM fax_reports")) {
      while (rows.next()) {
        ids.add(rows.getString(1));
      }
    }
    Set<String> unique = new HashSet<>(ids);
    assertThat(unique).as("each job ID once").hasSize(ids.size());
    return unique;
  }

  private static long count(Statement statement, String sql) throws SQLException {
    try (ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static Connection postgresConnection() throws SQLException {
    return DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
  }

  private static Connection sqliteConnection(String url) throws SQLException {
    Properties properties = new Properties();
    // The tool may hold the file's lock for a moment (a checkpoint, recovery after a SIGKILL).
    properties.setProperty("busy_timeout", "10000");
    return DriverManager.getConnection(url, properties);
  }

  @FunctionalInterface
  interface ConnectionSource {
    /** A connection, or null when there is no database yet. */
    Connection open() throws SQLException;
  }

  /**
   * The rows in {@code fax_reports}, over one connection kept open: the test and the fake's {@link
   * Hold} look often, and a new PostgreSQL connection each time would cost more than the look.
   */
  private static final class RowCount implements AutoCloseable {
    private final ConnectionSource database;
    private Connection connection;

    RowCount(ConnectionSource database) {
      this.database = database;
    }

    synchronized long now() throws SQLException {
      if (connection == null) {
        connection = database.open();
      }
      if (connection == null || !tableExists(connection)) {
        return 0;
      }
      try (Statement statement = connection.createStatement()) {
        return count(statement, "SELECT COUNT(*) FROM fax_reports");
      }
    }

    @Override
    public synchronized void close() throws SQLException {
      if (connection != null) {
        connection.close();
      }
    }
  }
}
