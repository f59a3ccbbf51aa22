package dev.faxreports.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.faxreports.DrainHandler;
import dev.faxreports.DrainPage;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link DrainHandler} that stores every report in a SQL database, PostgreSQL or SQLite, in the
 * tables {@code fax_reports} and {@code fax_recipient_statuses} — or, for a report those cannot
 * take, byte for byte with the reason in {@code fax_reports_rejected} (see {@link #store}).
 *
 * <p>Each page is written in one transaction, committed before {@link #handle(DrainPage)} returns —
 * before the drain deletes the page at the service. Reports are upserted by job ID and their
 * recipient rows replaced, so a report the at-least-once drain delivers twice (its delete failed,
 * the process died between commit and delete, a rerun) is in the table once, as last delivered.
 * A page that fails throws {@link ReportStoreException}, leaves nothing of itself behind (rolled
 * back), and stops the drain with the page still at the service — except that a page whose
 * connection was lost (the database restarted, the network dropped) is tried once more on a new
 * connection, so a restart of the database costs at most one failed attempt, not the drain. A
 * report the database refuses for its data fails nothing: it is quarantined, the rest of its page
 * stored.
 *
 * <pre>{@code
 * try (JdbcReportStore store = JdbcReportStore.open(JdbcSettings.sqlite(Path.of("reports.db")));
 *     FaxReports reports = FaxReports.builder()...build()) {
 *   reports.drain(store);
 * }
 * }</pre>
 *
 * <p>{@link #open} creates or upgrades the schema (Flyway, versioned scripts) and fails clearly for
 * a database it cannot use. One connection is kept (a drain hands over one page at a time); a
 * connection the database dropped, as in a restart, is replaced at once.
 */
public final class JdbcReportStore implements DrainHandler, AutoCloseable {

  /** How long a page waits for a connection before it fails as "database unreachable". */
  private static final long CONNECTION_TIMEOUT_MILLIS = 5_000;

  private final JdbcSettings settings;
  private final Dialect dialect;
  private final Failures failures;
  private final HikariDataSource pool;
  private final boolean checkFirst;

  private JdbcReportStore(JdbcSettings settings, Dialect dialect, Failures failures, HikariDataSource pool,
      boolean checkFirst) {
    this.settings = settings;
    this.dialect = dialect;
    this.failures = failures;
    this.pool = pool;
    this.checkFirst = checkFirst;
  }

  /**
   * Connects, checks the database and brings its schema up to date.
   *
   * @throws ReportStoreException when the database is unreachable, refuses the credentials, cannot
   *     be written, or has a schema newer than this library
   */
  public static JdbcReportStore open(JdbcSettings settings) {
    return open(settings, Dialect.of(settings));
  }

  /** {@link #open(JdbcSettings)} with the dialect given: tests wrap one to make it fail. */
  static JdbcReportStore open(JdbcSettings settings, Dialect dialect) {
    return open(settings, dialect, true);
  }

  /**
   * {@link #open(JdbcSettings, Dialect)}; without {@code checkFirst}, every report goes to the
   * database unchecked ({@link Triage}), and only the database's own refusal quarantines one: tests
   * show that it finds what the checks would have.
   */
  static JdbcReportStore open(JdbcSettings settings, Dialect dialect, boolean checkFirst) {
    Failures failures = new Failures(settings, dialect);
    HikariDataSource pool = null;
    try {
      pool = new HikariDataSource(poolConfig(settings, dialect));
      try (Connection connection = pool.getConnection()) {
        dialect.check(connection);
        connection.rollback();
      }
      Migrations.apply(pool, dialect, settings);
      return new JdbcReportStore(settings, dialect, failures, pool, checkFirst);
    } catch (SQLException | RuntimeException e) {
      if (pool != null) {
        pool.close();
      }
      throw failures.opening(e);
    }
  }

  private static HikariConfig poolConfig(JdbcSettings settings, Dialect dialect) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("faxreports-jdbc");
    config.setJdbcUrl(settings.url());
    settings.username().ifPresent(config::setUsername);
    settings.password().ifPresent(config::setPassword);
    // Pages come one at a time: one connection is used. Flyway, before the first page, takes two
    // on PostgreSQL (its lock and its work); the second is closed when idle.
    config.setMaximumPoolSize(2);
    config.setMinimumIdle(1);
    config.setIdleTimeout(30_000);
    config.setAutoCommit(false);
    config.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
    dialect.configure(config);
    return config;
  }

  /**
   * Stores the page in one transaction and commits it: every report upserted by job ID, its
   * recipient rows replaced — or, for a report the typed tables cannot take, its bytes kept in
   * {@code fax_reports_rejected} with the reason (see {@link #store}). A job ID twice in one page is
   * stored as its last occurrence.
   *
   * <p>A page that fails because its connection was lost (SQLSTATE class 08, an I/O error on the
   * socket, a session the server ended: 57P01, 57P02, 57P03) is written once more, from the start,
   * on a new connection: after a database restart every pooled connection is dead, and the second
   * attempt is the first on a live one. That is safe because a page is one transaction — either
   * nothing of the first attempt was committed, or all of it was (a commit whose answer was lost)
   * and the upsert by job ID stores the same rows again. Any other failure of the database's own (a
   * read-only database, a full disk, permissions) would fail again and is not retried.
   *
   * @throws ReportStoreException when the page could not be stored; nothing of it was
   */
  @Override
  public void handle(DrainPage page) {
    store(page);
  }

  /**
   * {@link #handle}, and what became of the page's reports. Every report is stored, in the one
   * transaction of its page: typed where the tables take it, else quarantined — kept byte for byte,
   * with its data center, its job ID where that is text and the reason, in {@code
   * fax_reports_rejected} — so that one report the database cannot take never holds up the others.
   * Quarantined are a report whose job ID is not text a database keeps (a lone surrogate, a NUL) or
   * too long for its index; whose bytes are not UTF-8 without NUL, or JSON nested more than 1000
   * deep; whose {@code sentTs} is outside the database's timestamp range; whose job ID is already
   * stored from another data center (neither overwrites the other); and one the database itself
   * refuses for its data (PostgreSQL: SQLSTATE class 22, 23 or 54; SQLite: a constraint, a value too
   * big) — found by writing the page again in halves, each under a savepoint, until each refused
   * report stands alone.
   *
   * @throws ReportStoreException when the page could not be stored; nothing of it was
   */
  public StoredPage store(DrainPage page) {
    if (page.reports().isEmpty()) {
      return StoredPage.EMPTY;
    }
    Triage.Sorted sorted;
    try {
      sorted = Triage.of(page, dialect, checkFirst);
    } catch (RuntimeException e) {
      throw failures.storing(page, e);
    }
    try {
      return write(sorted);
    } catch (SQLException | RuntimeException first) {
      if (!Failures.connectionLost(first)) {
        throw failures.storing(page, first);
      }
      // Every connection the pool holds went with the one that failed (a restart ends them all),
      // and one idle for less than half a second is handed out unchecked: close them all, so that
      // the second attempt connects anew.
      pool.getHikariPoolMXBean().softEvictConnections();
      try {
        return write(sorted);
      } catch (SQLException | RuntimeException second) {
        ReportStoreException failure = failures.storingRetried(page, second);
        failure.addSuppressed(failures.sanitized(first));
        throw failure;
      }
    }
  }

  /** One attempt: the page written and committed on one connection, or rolled back. */
  private StoredPage write(Triage.Sorted sorted) throws SQLException {
    try (Connection connection = pool.getConnection()) {
      try {
        StoredPage stored = write(connection, sorted);
        connection.commit();
        return stored;
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(connection, e);
        // Never reused after a failed page: the pool only sees failures that pass through its own
        // wrappers, and PostgreSQL's COPY goes to the driver directly, so a connection the database
        // dropped or terminated (08…, 57P01…) could otherwise fail the next page too. A new one
        // costs a connect, and only after a failure.
        pool.evictConnection(connection);
        throw e;
      }
    }
  }

  /**
   * The page in the connection's transaction: the typed rows, and if the database refuses them for
   * their data, again without the culprits; then every report not typed, into the quarantine.
   */
  private StoredPage write(Connection connection, Triage.Sorted sorted) throws SQLException {
    Instant storedAt = Instant.now();
    List<ReportRow> typed = sorted.typed();
    List<RejectedRow> rejected = new ArrayList<>(sorted.rejected());
    Map<String, String> storedElsewhere = new HashMap<>();
    if (!typed.isEmpty()) {
      try {
        storedElsewhere.putAll(dialect.write(connection, typed, storedAt));
      } catch (SQLException refused) {
        if (!dialect.refusedTheData(refused)) {
          throw refused;
        }
        connection.rollback();
        writeWithout(connection, typed, refused, storedAt, storedElsewhere, rejected);
      }
    }
    for (ReportRow row : typed) {
      if (storedElsewhere.containsKey(row.jobId())) {
        String storedFrom = storedElsewhere.get(row.jobId());
        rejected.add(RejectedRow.of(row, "its job ID is already stored from "
            + (storedFrom == null ? "another data center" : storedFrom) + " in fax_reports, which keeps one row"
            + " per job ID: neither report overwrites the other"));
      }
    }
    if (!rejected.isEmpty()) {
      dialect.writeRejected(connection, rejected, storedAt);
    }
    return new StoredPage(sorted.typed().size() + sorted.rejected().size() - rejected.size(), rejected.size());
  }

  /**
   * Writes what the database takes of {@code rows}, which together it refused ({@code refused}):
   * each half under a savepoint, a half refused in turn halved again, until each report it refuses
   * stands alone and goes to {@code rejected} with the database's words. A failure that is not about
   * the data (the connection lost, the disk full) ends the search and fails the page.
   */
  private void writeWithout(Connection connection, List<ReportRow> rows, SQLException refused, Instant storedAt,
      Map<String, String> storedElsewhere, List<RejectedRow> rejected) throws SQLException {
    if (rows.size() == 1) {
      rejected.add(RejectedRow.of(rows.get(0), "the database refused it"
          + (refused.getSQLState() == null ? "" : " (SQLSTATE " + refused.getSQLState() + ")") + ": "
          + failures.described(refused)));
      return;
    }
    int half = rows.size() / 2;
    for (List<ReportRow> part : List.of(rows.subList(0, half), rows.subList(half, rows.size()))) {
      Savepoint before = connection.setSavepoint();
      try {
        storedElsewhere.putAll(dialect.write(connection, part, storedAt));
        connection.releaseSavepoint(before);
      } catch (SQLException partRefused) {
        if (!dialect.refusedTheData(partRefused)) {
          throw partRefused;
        }
        connection.rollback(before);
        writeWithout(connection, part, partRefused, storedAt, storedElsewhere, rejected);
      }
    }
  }

  private static void rollbackQuietly(Connection connection, Exception failure) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      failure.addSuppressed(e); // a broken connection: the pool drops it, the database rolls back
    }
  }

  /** The number of rows in {@code fax_reports}: distinct job IDs stored. */
  public long countReports() {
    return count("fax_reports");
  }

  /**
   * The number of rows in {@code fax_reports_rejected}: reports the typed tables could not take,
   * kept byte for byte with the reason.
   */
  public long countQuarantined() {
    return count("fax_reports_rejected");
  }

  private long count(String table) {
    try (Connection connection = pool.getConnection();
        Statement statement = connection.createStatement();
        ResultSet count = statement.executeQuery("SELECT count(*) FROM " + table)) {
      count.next();
      long result = count.getLong(1);
      connection.rollback();
      return result;
    } catch (SQLException | RuntimeException e) {
      throw failures.reading(e);
    }
  }

  /** Closes the connection. Pages already handled are committed; closing twice does nothing. */
  @Override
  public void close() {
    pool.close();
  }

  @Override
  public String toString() {
    return "JdbcReportStore[" + dialect.name() + " " + settings.redactedUrl() + "]";
  }
}
