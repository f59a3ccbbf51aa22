package dev.faxreports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faxreports.cli.drain.DrainRound;
import dev.faxreports.cli.sink.DatabaseSink;
import dev.faxreports.model.DataCenter;
import dev.faxreports.model.FaxReport;
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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code watch --jdbc} stopped while a page cannot be stored: another session holds {@code LOCK
 * TABLE fax_reports IN ACCESS EXCLUSIVE MODE}, so the page's upsert waits for as long as the lock
 * is held. The stop must not wait for it longer than {@link DrainRound#STOP_GRACE}, must say that
 * the page was not stored and stays at the service, and must print no stack trace.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class WatchDatabaseStopTest {

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
    try (Connection connection = connection(); Statement statement = connection.createStatement()) {
      statement.execute("DROP OWNED BY CURRENT_USER");
    }
  }

  @Test
  void aStopWhileThePageWaitsOnALockedTableGivesThePageUpWithinTheGraceAndSaysSo() throws Exception {
    cli.environment.put(DatabaseSink.USERNAME_VARIABLE, postgres.username());
    cli.environment.put(DatabaseSink.PASSWORD_VARIABLE, postgres.password());
    for (DataCenter dataCenter : List.of(DataCenter.DE1, DataCenter.DE2)) {
      cli.fake.seedSamples(dataCenter, 3_000).stream().map(FaxReport::jobId).forEach(seeded::add);
    }
    // A page in, the next listing waits: the table exists and no page is being written when the lock is taken.
    hold.arm(call -> call.operation() == Operation.LIST && !cli.fake.calls(Operation.BULK_DELETE).isEmpty());
    tool = ToolProcess.start(cli, dir, List.of(), "watch", "--every", "1h", "--jdbc", postgres.jdbcUrl());
    ToolProcess.waitUntil(() -> hold.holding() || !tool.isAlive(), PATIENCE);
    assertThat(tool.isAlive()).as(stderr()).isTrue();

    try (Connection locker = connection(); Connection watcher = connection()) {
      locker.setAutoCommit(false);
      try (Statement statement = locker.createStatement()) {
        statement.execute("LOCK TABLE fax_reports IN ACCESS EXCLUSIVE MODE");
      }
      hold.release();
      ToolProcess.waitUntil(() -> waitsOnALock(watcher) || !tool.isAlive(), PATIENCE);
      assertThat(tool.isAlive()).as(stderr()).isTrue();

      tool.destroy(); // SIGTERM
      boolean ended = tool.waitFor(DrainRound.STOP_GRACE.toSeconds() + 15, TimeUnit.SECONDS);
      assertThat(ended).as("ended within the grace and some, not after the old 30 s; " + stderr()).isTrue();
      locker.rollback();
    }
    String said = stderr();
    assertThat(tool.exitValue()).as(said).isZero();
    assertThat(said).contains("stopped: the page in hand was still being stored after 5s, so it was not deleted and"
        + " stays at the service; every page before it was stored whole")
        .doesNotContain("every page stored was stored whole")
        .doesNotContain("Exception").doesNotContain("\tat ");
    Set<String> left = left();
    assertThat(left).as("the page given up, and more, stay at the service").isNotEmpty();
    Set<String> deleted = new HashSet<>(seeded);
    deleted.removeAll(left);
    try (Connection connection = connection()) {
      assertThat(stored(connection)).as("whatever was deleted at the service is in the table").containsAll(deleted);
    }
  }

  /**
   * Whether one of the tool's sessions (application name faxreports) waits for a lock; asked on an
   * autocommit connection, since a transaction sees the sessions' activity as it first read it.
   */
  private static boolean waitsOnALock(Connection any) throws SQLException {
    try (Statement statement = any.createStatement();
        ResultSet waiting = statement.executeQuery("SELECT count(*) FROM pg_stat_activity"
            + " WHERE application_name = 'faxreports' AND wait_event_type = 'Lock'")) {
      waiting.next();
      return waiting.getLong(1) > 0;
    }
  }

  private Set<String> left() {
    Set<String> left = new HashSet<>();
    for (DataCenter dataCenter : List.of(DataCenter.DE1, DataCenter.DE2)) {
      cli.fake.reports(dataCenter).forEach(report -> left.add(report.jobId()));
    }
    return left;
  }

  private static Set<String> stored(Connection connection) throws SQLException {
    Set<String> ids = new HashSet<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT job_id FROM fax_reports")) {
      while (rows.next()) {
        ids.add(rows.getString(1));
      }
    }
    return ids;
  }

  private static Connection connection() throws SQLException {
    return DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
  }

  private String stderr() throws Exception {
    Path file = dir.resolve("stderr.txt");
    return Files.exists(file) ? Files.readString(file) : "";
  }
}
