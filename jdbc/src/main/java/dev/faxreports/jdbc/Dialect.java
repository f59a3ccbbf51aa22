package dev.faxreports.jdbc;

import com.zaxxer.hikari.HikariConfig;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

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
   * upserted, its recipient rows replaced. The caller commits.
   */
  void write(Connection connection, List<ReportRow> rows) throws SQLException;

  /** What {@code failure} means in plain words (database unreachable, disk full…), or null if unknown. */
  String explain(SQLException failure);
}
