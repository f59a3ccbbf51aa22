package dev.faxreports.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.faxreports.DrainHandler;
import dev.faxreports.DrainPage;
import dev.faxreports.model.FaxReport;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link DrainHandler} that stores every report in a SQL database, PostgreSQL or SQLite, in the
 * tables {@code fax_reports} and {@code fax_recipient_statuses}.
 *
 * <p>Each page is written in one transaction, committed before {@link #handle(DrainPage)} returns —
 * before the drain deletes the page at the service. Reports are upserted by job ID and their
 * recipient rows replaced, so a report the at-least-once drain delivers twice (its delete failed,
 * the process died between commit and delete, a rerun) is in the table once, as last delivered.
 * A page that fails throws {@link ReportStoreException}, leaves nothing of itself behind (rolled
 * back), and stops the drain with the page still at the service — except that a page whose
 * connection was lost (the database restarted, the network dropped) is tried once more on a new
 * connection, so a restart of the database costs at most one failed attempt, not the drain.
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

  private JdbcReportStore(JdbcSettings settings, Dialect dialect, Failures failures, HikariDataSource pool) {
    this.settings = settings;
    this.dialect = dialect;
    this.failures = failures;
    this.pool = pool;
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
    Failures failures = new Failures(settings, dialect);
    HikariDataSource pool = null;
    try {
      pool = new HikariDataSource(poolConfig(settings, dialect));
      try (Connection connection = pool.getConnection()) {
        dialect.check(connection);
        connection.rollback();
      }
      Migrations.apply(pool, dialect, settings);
      return new JdbcReportStore(settings, dialect, failures, pool);
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
   * recipient rows replaced. A job ID twice in one page is stored as its last occurrence.
   *
   * <p>A page that fails because its connection was lost (SQLSTATE class 08, an I/O error on the
   * socket, a session the server ended: 57P01, 57P02, 57P03) is written once more, from the start,
   * on a new connection: after a database restart every pooled connection is dead, and the second
   * attempt is the first on a live one. That is safe because a page is one transaction — either
   * nothing of the first attempt was committed, or all of it was (a commit whose answer was lost)
   * and the upsert by job ID stores the same rows again. Any other failure (a constraint, a
   * read-only database, a full disk) would fail again and is not retried.
   *
   * @throws ReportStoreException when the page could not be stored; nothing of it was
   */
  @Override
  public void handle(DrainPage page) {
    if (page.reports().isEmpty()) {
      return;
    }
    List<ReportRow> rows;
    try {
      rows = rows(page);
    } catch (RuntimeException e) {
      throw failures.storing(page, e);
    }
    try {
      write(rows);
    } catch (SQLException | RuntimeException first) {
      if (!Failures.connectionLost(first)) {
        throw failures.storing(page, first);
      }
      // Every connection the pool holds went with the one that failed (a restart ends them all),
      // and one idle for less than half a second is handed out unchecked: close them all, so that
      // the second attempt connects anew.
      pool.getHikariPoolMXBean().softEvictConnections();
      try {
        write(rows);
      } catch (SQLException | RuntimeException second) {
        ReportStoreException failure = failures.storingRetried(page, second);
        failure.addSuppressed(failures.sanitized(first));
        throw failure;
      }
    }
  }

  /** One attempt: the rows written and committed on one connection, or rolled back. */
  private void write(List<ReportRow> rows) throws SQLException {
    try (Connection connection = pool.getConnection()) {
      try {
        dialect.write(connection, rows);
        connection.commit();
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

  private static List<ReportRow> rows(DrainPage page) {
    Map<String, ReportRow> byJobId = new LinkedHashMap<>();
    String dataCenter = page.dataCenter().name();
    for (FaxReport report : page.reports()) {
      byJobId.put(report.jobId(), ReportRow.of(dataCenter, report));
    }
    return new ArrayList<>(byJobId.values());
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
    try (Connection connection = pool.getConnection();
        Statement statement = connection.createStatement();
        ResultSet count = statement.executeQuery("SELECT count(*) FROM fax_reports")) {
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
