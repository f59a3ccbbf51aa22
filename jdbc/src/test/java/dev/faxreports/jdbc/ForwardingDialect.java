package dev.faxreports.jdbc;

import com.zaxxer.hikari.HikariConfig;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A dialect that does what another does: tests override the part they change. */
class ForwardingDialect implements Dialect {

  final Dialect dialect;

  ForwardingDialect(Dialect dialect) {
    this.dialect = dialect;
  }

  @Override
  public String name() {
    return dialect.name();
  }

  @Override
  public String migrations() {
    return dialect.migrations();
  }

  @Override
  public void configure(HikariConfig pool) {
    dialect.configure(pool);
  }

  @Override
  public void check(Connection connection) throws SQLException {
    dialect.check(connection);
  }

  @Override
  public Map<String, String> write(Connection connection, List<ReportRow> rows, Instant storedAt)
      throws SQLException {
    return dialect.write(connection, rows, storedAt);
  }

  @Override
  public void writeRejected(Connection connection, List<RejectedRow> rows, Instant storedAt) throws SQLException {
    dialect.writeRejected(connection, rows, storedAt);
  }

  @Override
  public int maxJobIdBytes() {
    return dialect.maxJobIdBytes();
  }

  @Override
  public boolean holds(Instant instant) {
    return dialect.holds(instant);
  }

  @Override
  public boolean refusedTheData(SQLException failure) {
    return dialect.refusedTheData(failure);
  }

  @Override
  public String explain(SQLException failure) {
    return dialect.explain(failure);
  }
}
