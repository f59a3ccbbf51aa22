package dev.faxreports.jdbc;

import com.zaxxer.hikari.HikariConfig;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;

/**
 * SQLite, the embedded default: one file, written in process. Rows are batched, the old
 * recipients deleted by one statement; a page is one write transaction and, with {@code
 * synchronous=FULL}, on disk when its commit returns.
 */
final class SqliteDialect implements Dialect {

  /** The page's job IDs as one JSON array, spread by {@code json_each}; each looked up in the key. */
  private static final String DELETE_RECIPIENTS =
      "DELETE FROM fax_recipient_statuses WHERE job_id IN (SELECT value FROM json_each(?))";

  private static final String UPSERT_REPORT = """
      INSERT INTO fax_reports (job_id, data_center, pages, customer_defined_id, billing_code, billing_info,
                               first_sent_ts, stored_at, report_json)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (job_id) DO UPDATE SET
        data_center = excluded.data_center, pages = excluded.pages,
        customer_defined_id = excluded.customer_defined_id, billing_code = excluded.billing_code,
        billing_info = excluded.billing_info, first_sent_ts = excluded.first_sent_ts,
        stored_at = excluded.stored_at, report_json = excluded.report_json
      """;

  private static final String INSERT_RECIPIENT = """
      INSERT INTO fax_recipient_statuses (job_id, position, number, status, reason, sent_ts, duration_secs,
                                          sent_to_number, remote_csid, properties_json)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """;

  @Override
  public String name() {
    return "SQLite";
  }

  @Override
  public String migrations() {
    return "classpath:dev/faxreports/jdbc/migration/sqlite";
  }

  @Override
  public void configure(HikariConfig pool) {
    pool.setDriverClassName("org.sqlite.JDBC");
    // Durable commits: the drain deletes a page at the service as soon as handle() returns. WAL
    // lets readers (a report, a query) read while a page is written.
    pool.addDataSourceProperty("journal_mode", "WAL");
    pool.addDataSourceProperty("synchronous", "FULL");
    // A page writes about 250 WAL pages: at SQLite's default (a checkpoint every 1000) every fourth
    // commit also copied the WAL into the database and synced both, the same interior and
    // rightmost pages again each time. Every 10000 (about 40 MB of WAL) pages share a checkpoint.
    // Commits stay synced (synchronous=FULL); only the WAL file grows larger between checkpoints.
    pool.addDataSourceProperty("wal_autocheckpoint", "10000");
    // Another process writing the same file (a second drain, a user's UPDATE) is waited for.
    pool.addDataSourceProperty("busy_timeout", "10000");
    pool.addDataSourceProperty("foreign_keys", "true");
    // Nothing recycles the one connection: it is a file handle, not a network session.
    pool.setMaxLifetime(0);
  }

  @Override
  public void check(Connection connection) {
    // SQLite text is UTF-8 in a file this process creates: nothing to check.
  }

  @Override
  public void write(Connection connection, List<ReportRow> rows) throws SQLException {
    String storedAt = Timestamps.sqlite(Instant.now());
    StringBuilder jobIds = new StringBuilder(24 * rows.size()).append('[');
    for (ReportRow row : rows) {
      if (jobIds.length() > 1) {
        jobIds.append(',');
      }
      JsonText.string(jobIds, row.jobId());
    }
    try (PreparedStatement delete = connection.prepareStatement(DELETE_RECIPIENTS)) {
      delete.setString(1, jobIds.append(']').toString());
      delete.executeUpdate();
    }
    try (PreparedStatement upsert = connection.prepareStatement(UPSERT_REPORT);
        PreparedStatement insert = connection.prepareStatement(INSERT_RECIPIENT)) {
      for (ReportRow row : rows) {
        upsert.setString(1, row.jobId());
        upsert.setString(2, row.dataCenter());
        setInteger(upsert, 3, row.pages());
        upsert.setString(4, row.customerDefinedId());
        upsert.setString(5, row.billingCode());
        upsert.setString(6, row.billingInfo());
        upsert.setString(7, Timestamps.sqlite(row.firstSentTs()));
        upsert.setString(8, storedAt);
        upsert.setString(9, row.reportJsonText());
        upsert.addBatch();
        for (ReportRow.RecipientRow recipient : row.recipients()) {
          insert.setString(1, row.jobId());
          insert.setInt(2, recipient.position());
          insert.setString(3, recipient.number());
          insert.setString(4, recipient.status());
          insert.setString(5, recipient.reason());
          insert.setString(6, Timestamps.sqlite(recipient.sentTs()));
          insert.setInt(7, recipient.durationSecs());
          insert.setString(8, recipient.sentToNumber());
          insert.setString(9, recipient.remoteCsid());
          insert.setString(10, recipient.propertiesJson());
          insert.addBatch();
        }
      }
      upsert.executeBatch();
      insert.executeBatch();
    }
  }

  private static void setInteger(PreparedStatement statement, int index, Integer value) throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.INTEGER);
    } else {
      statement.setInt(index, value);
    }
  }

  @Override
  public String explain(SQLException failure) {
    // sqlite-jdbc reports SQLite's result code; the primary code is its low byte.
    return switch (failure.getErrorCode() & 0xff) {
      case 5, 6 -> "the database file is locked by another process (still busy after 10 s)";
      case 8 -> "the database file or its directory is read-only";
      case 10 -> "disk I/O error";
      case 11, 26 -> "the file is not a SQLite database, or it is damaged";
      case 13 -> "disk full";
      case 14 -> "cannot open the database file (its directory is missing or not writable)";
      case 23 -> "permission denied";
      default -> null;
    };
  }
}
