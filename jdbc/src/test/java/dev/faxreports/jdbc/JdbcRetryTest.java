package dev.faxreports.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faxreports.DrainPage;
import dev.faxreports.DrainSummary;
import dev.faxreports.FaxReports;
import dev.faxreports.model.DataCenter;
import dev.faxreports.model.FaxReport;
import dev.faxreports.testkit.FakeFaxService;
import java.net.SocketException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The rule "a database restart costs at most one failed attempt", on its own: a page whose
 * connection was lost is written once more on a new connection; a page that fails so twice fails,
 * and the drain deletes none of it; any other failure is not tried again. The failures are
 * injected into SQLite's page write, after the rows went into the transaction, so a failed attempt
 * has something to roll back.
 */
class JdbcRetryTest {

  @TempDir
  Path directory;

  /**
   * SQLite's dialect, whose writes fail as told: the {@code n}th write (from 1) writes its rows and
   * then throws {@code failures.get(n)}. Remembers the physical connection of every write.
   */
  private static final class FailingDialect extends ForwardingDialect {
    private final Map<Integer, SQLException> failures = new HashMap<>();
    private final Map<Integer, Runnable> meanwhile = new HashMap<>();
    private final java.util.Set<String> refused = new java.util.HashSet<>();
    final List<Connection> connections = new ArrayList<>();

    FailingDialect() {
      super(new SqliteDialect());
    }

    FailingDialect failWrite(int n, SQLException failure) {
      failures.put(n, failure);
      return this;
    }

    /**
     * While the {@code n}th write holds its connection, before its rows (SQLite has one writer at a
     * time), {@code action} runs.
     */
    FailingDialect meanwhile(int n, Runnable action) {
      meanwhile.put(n, action);
      return this;
    }

    /** Every write with one of these job IDs fails as a CHECK constraint would, writing nothing. */
    FailingDialect refuse(java.util.Collection<String> jobIds) {
      refused.addAll(jobIds);
      return this;
    }

    int writes() {
      return connections.size();
    }

    @Override
    public Map<String, String> write(Connection connection, List<ReportRow> rows, Instant storedAt)
        throws SQLException {
      connections.add(connection.unwrap(SQLiteConnection.class));
      int n = connections.size();
      meanwhile.getOrDefault(n, () -> { }).run();
      if (rows.stream().anyMatch(row -> refused.contains(row.jobId()))) {
        throw refusal();
      }
      Map<String, String> storedElsewhere = super.write(connection, rows, storedAt);
      SQLException failure = failures.get(n);
      if (failure != null) {
        throw failure;
      }
      return storedElsewhere;
    }
  }

  /** What SQLite throws for a row that breaks a CHECK constraint. */
  static SQLException refusal() {
    return new SQLiteException("[SQLITE_CONSTRAINT_CHECK] A CHECK constraint failed (CHECK constraint failed: test)",
        SQLiteErrorCode.SQLITE_CONSTRAINT_CHECK);
  }

  /** What PgJDBC and the pool throw when the session is gone. */
  static Stream<Arguments> connectionLost() {
    return Stream.of(
        Arguments.of("I/O error (08006)", new SQLException("An I/O error occurred while sending to the backend.",
            "08006", new SocketException("Broken pipe"))),
        Arguments.of("connection does not exist (08003)", new SQLException("This connection has been closed.", "08003")),
        Arguments.of("administrator command (57P01)",
            new SQLException("FATAL: terminating connection due to administrator command", "57P01")),
        Arguments.of("crash shutdown (57P02)", new SQLException("FATAL: terminating connection due to crash", "57P02")),
        Arguments.of("starting up (57P03)", new SQLException("FATAL: the database system is starting up", "57P03")),
        Arguments.of("socket failure, no SQLSTATE",
            new SQLException("write failed", null, new SocketException("Connection reset"))),
        Arguments.of("pool timed out connecting", new SQLTransientConnectionException(
            "faxreports-jdbc - Connection is not available, request timed out after 5000ms.")));
  }

  /** Failures that would only fail again. */
  static Stream<Arguments> notConnectionLost() {
    return Stream.of(
        Arguments.of("a trigger's exception (P0001)", new SQLException("ERROR: refused by a trigger", "P0001")),
        Arguments.of("read-only (25006)", new SQLException("cannot execute INSERT in a read-only transaction", "25006")),
        Arguments.of("disk full (53100)", new SQLException("could not extend file: No space left on device", "53100")),
        Arguments.of("SQLite disk full (code 13, no SQLSTATE)", new SQLException("[SQLITE_FULL] database or disk is full",
            null, 13)),
        Arguments.of("permission denied (42501)", new SQLException("permission denied for table fax_reports", "42501")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("connectionLost")
  void aPageWhoseConnectionIsLostIsStoredOnTheRetryOnANewConnection(String what, SQLException lost) {
    JdbcSettings settings = JdbcSettings.sqlite(directory.resolve("reports.db"));
    FailingDialect dialect = new FailingDialect().failWrite(2, lost);
    List<FaxReport> first = Reports.sample("A", 30);
    List<FaxReport> second = Reports.sample("B", 40);

    try (JdbcReportStore store = JdbcReportStore.open(settings, dialect)) {
      store.handle(Reports.page(first));
      store.handle(Reports.page(second)); // its first attempt fails, rolled back; the retry commits

      assertThat(dialect.writes()).as("the failed page written twice, nothing more").isEqualTo(3);
      assertThat(dialect.connections.get(2)).as("the retry's connection is new")
          .isNotSameAs(dialect.connections.get(1)).isNotSameAs(dialect.connections.get(0));
    }
    List<FaxReport> both = new ArrayList<>(first);
    both.addAll(second);
    JdbcStoreContract.assertStoredExactly(settings, DataCenter.DE1, both);
  }

  @Test
  void theRetryTakesNoConnectionFromBeforeTheFailureEvenOneJustUsed() {
    // A restart ends every session at once, and the pool hands out a connection used less than
    // half a second ago without checking it: such a one must not be the retry's.
    JdbcSettings settings = JdbcSettings.sqlite(directory.resolve("reports.db"));
    AtomicReference<JdbcReportStore> opened = new AtomicReference<>();
    List<FaxReport> meanwhile = Reports.sample("M", 10);
    FailingDialect dialect = new FailingDialect()
        .meanwhile(1, () -> opened.get().handle(Reports.page(meanwhile))) // a second connection, used just now
        .failWrite(1, new SQLException("An I/O error occurred while sending to the backend.", "08006"));
    List<FaxReport> page = Reports.sample("A", 30);

    try (JdbcReportStore store = JdbcReportStore.open(settings, dialect)) {
      opened.set(store);
      store.handle(Reports.page(page));

      assertThat(dialect.writes()).isEqualTo(3);
      assertThat(dialect.connections.get(0)).as("two connections in use at once").isNotSameAs(dialect.connections.get(1));
      assertThat(dialect.connections.get(2)).as("the retry's connection is new")
          .isNotSameAs(dialect.connections.get(0)).isNotSameAs(dialect.connections.get(1));
    }
    List<FaxReport> both = new ArrayList<>(meanwhile);
    both.addAll(page);
    JdbcStoreContract.assertStoredExactly(settings, DataCenter.DE1, both);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("connectionLost")
  void aPageWhoseConnectionIsLostTwiceFailsAndLeavesNothing(String what, SQLException lost) {
    JdbcSettings settings = JdbcSettings.sqlite(directory.resolve("reports.db"));
    FailingDialect dialect = new FailingDialect().failWrite(1, lost).failWrite(2, lost);

    try (JdbcReportStore store = JdbcReportStore.open(settings, dialect)) {
      DrainPage page = Reports.page(Reports.sample("A", 30));
      assertThatThrownBy(() -> store.handle(page))
          .isInstanceOf(ReportStoreException.class)
          .hasMessageContaining("could not store 30 reports from DE1")
          .hasMessageContaining("also when tried again on a new connection")
          .hasMessageContaining("nothing of the page was stored")
          .satisfies(e -> assertThat(e.getSuppressed()).as("the first attempt's failure").hasSize(1));
      assertThat(dialect.writes()).as("one retry, no more").isEqualTo(2);
      assertThat(store.countReports()).isZero();

      List<FaxReport> next = Reports.sample("N", 5);
      store.handle(Reports.page(next)); // the store is still usable
      JdbcStoreContract.assertStoredExactly(settings, DataCenter.DE1, next);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notConnectionLost")
  void otherFailuresAreNotTriedAgain(String what, SQLException failure) {
    JdbcSettings settings = JdbcSettings.sqlite(directory.resolve("reports.db"));
    FailingDialect dialect = new FailingDialect().failWrite(1, failure);

    try (JdbcReportStore store = JdbcReportStore.open(settings, dialect)) {
      assertThatThrownBy(() -> store.handle(Reports.page(Reports.sample("A", 30))))
          .isInstanceOf(ReportStoreException.class)
          .hasMessageContaining("could not store 30 reports")
          .hasMessageNotContaining("tried again");
      assertThat(dialect.writes()).isEqualTo(1);
      assertThat(store.countReports()).isZero();
    }
  }

  @Test
  void aDrainWhosePageLosesItsConnectionOnceCompletesInOneRun() {
    FakeFaxService fake = FakeFaxService.europe();
    List<FaxReport> sent = new ArrayList<>(fake.seedSamples(DataCenter.DE1, 2_500));
    sent.addAll(fake.seedSamples(DataCenter.DE2, 1_500));
    FailingDialect dialect = new FailingDialect()
        .failWrite(3, new SQLException("An I/O error occurred while sending to the backend.", "08006"));

    try (JdbcReportStore store = JdbcReportStore.open(JdbcSettings.sqlite(directory.resolve("reports.db")), dialect);
        FaxReports reports = fake.facade()) {
      DrainSummary summary = reports.drain(store);

      assertThat(summary.failures()).isEmpty();
      assertThat(summary.exported()).as("each report handed over once").isEqualTo(sent.size());
      assertThat(store.countReports()).isEqualTo(sent.size());
    }
    assertThat(fake.reports(DataCenter.DE1)).isEmpty();
    assertThat(fake.reports(DataCenter.DE2)).isEmpty();
  }

  @Test
  void aDrainWhosePageLosesItsConnectionTwiceStopsAndDeletesNothingOfIt() {
    FakeFaxService fake = FakeFaxService.europe();
    fake.seedSamples(DataCenter.DE1, 2_500);
    SQLException lost = new SQLException("FATAL: terminating connection due to administrator command", "57P01");
    FailingDialect dialect = new FailingDialect().failWrite(2, lost).failWrite(3, lost);

    try (JdbcReportStore store = JdbcReportStore.open(JdbcSettings.sqlite(directory.resolve("reports.db")), dialect);
        FaxReports reports = fake.facade()) {
      assertThatThrownBy(() -> reports.drain(store))
          .isInstanceOf(ReportStoreException.class)
          .hasMessageContaining("could not store 1000 reports from DE1 (round 2)")
          .hasMessageContaining("also when tried again on a new connection");

      assertThat(store.countReports()).as("the first page only").isEqualTo(1_000);
      assertThat(dialect.writes()).isEqualTo(3);
    }
    assertThat(fake.reports(DataCenter.DE1)).as("the failed page and the rest are still at the service")
        .hasSize(1_500);
  }

  /**
   * The search for what the database refuses costs at most two writes per halving for each report
   * refused: one in a thousand is found in 1 + 2 × 10 writes, all in the page's one transaction.
   */
  @Test
  void aRefusedReportIsFoundByHalvingInAFewWritesAndTheRestOfThePageStored() {
    JdbcSettings settings = JdbcSettings.sqlite(directory.resolve("reports.db"));
    List<FaxReport> page = Reports.sample("A", 1_000);
    FailingDialect one = new FailingDialect().refuse(List.of(page.get(613).jobId()));

    try (JdbcReportStore store = JdbcReportStore.open(settings, one)) {
      assertThat(store.store(Reports.page(page))).isEqualTo(new StoredPage(999, 1));
      assertThat(one.writes()).isEqualTo(1 + 2 * 10);
      assertThat(one.connections).as("one connection, one transaction").containsOnly(one.connections.get(0));
    }
    List<FaxReport> typed = new ArrayList<>(page);
    typed.remove(613);
    JdbcStoreContract.assertStoredExactly(settings, DataCenter.DE1, typed);
    assertThat(Stored.rejected(settings)).singleElement().satisfies(row -> {
      assertThat(row.jobId()).isEqualTo(page.get(613).jobId());
      assertThat(row.bytes()).isEqualTo(page.get(613).originalJson().bytes());
      assertThat(row.reason()).startsWith("the database refused it: ").contains("CHECK constraint failed");
    });
    assertThat(Stored.count(settings, "SELECT count(DISTINCT stored_at) FROM fax_reports")).isEqualTo(1);
  }

  @Test
  void everyReportRefusedIsQuarantinedAndThePageStillStored() {
    JdbcSettings settings = JdbcSettings.sqlite(directory.resolve("reports.db"));
    List<FaxReport> page = Reports.sample("A", 40);
    FailingDialect all = new FailingDialect().refuse(page.stream().map(FaxReport::jobId).toList());

    try (JdbcReportStore store = JdbcReportStore.open(settings, all)) {
      assertThat(store.store(Reports.page(page))).isEqualTo(new StoredPage(0, 40));
      assertThat(all.writes()).as("the page, then every half down to each report").isEqualTo(1 + 2 * 39);
      assertThat(store.countReports()).isZero();
      assertThat(store.countQuarantined()).isEqualTo(40);
    }
  }

  /** A connection lost while the refused report is searched for: the page is written again whole, on a new one. */
  @Test
  void aSearchThatLosesItsConnectionIsTriedAgainWholeOnANewOne() {
    JdbcSettings settings = JdbcSettings.sqlite(directory.resolve("reports.db"));
    List<FaxReport> page = Reports.sample("A", 30);
    FailingDialect dialect = new FailingDialect().failWrite(1, refusal())
        .failWrite(2, new SQLException("An I/O error occurred while sending to the backend.", "08006"));

    try (JdbcReportStore store = JdbcReportStore.open(settings, dialect)) {
      assertThat(store.store(Reports.page(page))).isEqualTo(new StoredPage(30, 0));
      assertThat(dialect.writes()).isEqualTo(3);
      assertThat(dialect.connections.get(2)).isNotSameAs(dialect.connections.get(0));
    }
    JdbcStoreContract.assertStoredExactly(settings, DataCenter.DE1, page);
    assertThat(Stored.rejected(settings)).isEmpty();
  }

  /** A failure of the database's own during the search fails the page: nothing stored, nothing quarantined. */
  @Test
  void aSearchThatFindsTheDatabaseFullFailsThePage() {
    JdbcSettings settings = JdbcSettings.sqlite(directory.resolve("reports.db"));
    FailingDialect dialect = new FailingDialect().failWrite(1, refusal())
        .failWrite(3, new SQLiteException("[SQLITE_FULL] database or disk is full", SQLiteErrorCode.SQLITE_FULL));

    try (JdbcReportStore store = JdbcReportStore.open(settings, dialect)) {
      assertThatThrownBy(() -> store.store(Reports.page(Reports.sample("A", 30))))
          .isInstanceOf(ReportStoreException.class)
          .hasMessageContaining("disk full")
          .hasMessageContaining("nothing of the page was stored");
      assertThat(dialect.writes()).isEqualTo(3);
      assertThat(store.countReports()).isZero();
      assertThat(store.countQuarantined()).isZero();
    }
  }
}
