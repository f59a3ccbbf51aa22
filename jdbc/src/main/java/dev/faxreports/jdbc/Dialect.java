package dev.faxreports.jdbc;

import com.zaxxer.hikari.HikariConfig;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What differs between the databases: connection settings, migrations, the page write, error codes. */
interface Dialect {

  static Dialect of(JdbcSettings settings) {
    return settings.isPostgresql() ? new PostgresDialect() : new SqliteDialect();
  }

  /** The database's name for messages. */
  String name();

  /** Where this dialect's Flyway migrations are, on the class path. */
  String migrations();

  /** Driver class and driver properties; the pool's size and timeouts are set by the caller. */
  void configure(HikariConfig pool);

  /** Checks, once at open, that the database can hold reports as they are; throws if not. */
  void check(Connection connection) throws SQLException;

  /**
   * Writes {@code rows} (distinct job IDs) in the connection's open transaction: each report
   * upserted, its recipient rows replaced — except a report whose job ID is already stored from
   * another data center, which is left as it is: neither report overwrites the other. The caller
   * commits.
   *
   * @param storedAt the page's time, for a dialect without a transaction clock of its own
   * @return the job IDs left alone, each with the data center it is stored from (null if it cannot
   *     be read: another writer's, not yet committed); empty when every row was written
   */
  Map<String, String> write(Connection connection, List<ReportRow> rows, Instant storedAt) throws SQLException;

  /**
   * Writes {@code rows} into {@code fax_reports_rejected} in the connection's open transaction; a
   * report already there (the same data center and bytes) gets the new reason and time.
   */
  void writeRejected(Connection connection, List<RejectedRow> rows, Instant storedAt) throws SQLException;

  /** The longest job ID, in UTF-8 bytes, the tables' keys take. */
  int maxJobIdBytes();

  /** Whether the timestamp columns hold {@code instant} (to the microsecond). */
  boolean holds(Instant instant);

  /**
   * Whether {@code failure} is the database refusing the data written — a value it cannot hold, a
   * constraint, a limit — so that the same write without the culprit would succeed; rather than
   * the database's own trouble (unreachable, read-only, full, permissions), which fails every write.
   */
  boolean refusedTheData(SQLException failure);

  /** What {@code failure} means in plain words (database unreachable, disk full…), or null if unknown. */
  String explain(SQLException failure);
}
