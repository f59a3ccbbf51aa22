package dev.faxreports.jdbc;

import com.zaxxer.hikari.HikariConfig;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sqlite.SQLiteException;

/**
 * SQLite, the embedded default: one file, written in process. Rows are batched, the old
 * recipients deleted by one statement; a page is one write transaction and, with {@code
 * synchronous=FULL}, on disk when its commit returns. The reports are upserted first — a write, so
 * the transaction waits for another writer of the file rather than failing on a stale read — and
 * the count of each tells whether it was written or left to another data center's row.
 */
final class SqliteDialect implements Dialect {

  /** The page's job IDs as one JSON array, spread by {@code json_each}; each looked up in the key. */
  private static final String DELETE_RECIPIENTS =
      "DELETE FROM fax_recipient_statuses WHERE job_id IN (SELECT value FROM json_each(?))";

  /** Never over a row another data center stored: such a report is counted 0 and left alone. */
  private static final String UPSERT_REPORT = """
      INSERT INTO fax_reports (job_id, data_center, pages, customer_defined_id, billing_code, billing_info,
                               first_sent_ts, stored_at, report_json)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (job_id) DO UPDATE SET
        data_center = excluded.data_center, pages = excluded.pages,
        customer_defined_id = excluded.customer_defined_id, billing_code = excluded.billing_code,
        billing_info = excluded.billing_info, first_sent_ts = excluded.first_sent_ts,
        stored_at = excluded.stored_at, report_json = excluded.report_json
      WHERE fax_reports.data_center = excluded.data_center
      """;

  private static final String STORED_FROM = "SELECT data_center FROM fax_reports WHERE job_id = ?";

  private static final String UPSERT_REJECTED = """
      INSERT INTO fax_reports_rejected (data_center, job_id, reason, report_bytes, report_sha256, stored_at)
      VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (data_center, report_sha256) DO UPDATE SET
        job_id = excluded.job_id, reason = excluded.reason, stored_at = excluded.stored_at
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
  public Map<String, String> write(Connection connection, List<ReportRow> rows, Instant storedAt)
      throws SQLException {
    String storedAtText = Timestamps.sqlite(storedAt);
    int[] written;
    try (PreparedStatement upsert = connection.prepareStatement(UPSERT_REPORT)) {
      for (ReportRow row : rows) {
        upsert.setString(1, row.jobId());
        upsert.setString(2, row.dataCenter());
        setInteger(upsert, 3, row.pages());
        upsert.setString(4, row.customerDefinedId());
        upsert.setString(5, row.billingCode());
        upsert.setString(6, row.billingInfo());
        upsert.setString(7, Timestamps.sqlite(row.firstSentTs()));
        upsert.setString(8, storedAtText);
        upsert.setString(9, row.reportJsonText());
        upsert.addBatch();
      }
      written = upsert.executeBatch();
    }
    Map<String, String> storedElsewhere = Map.of();
    StringBuilder jobIds = new StringBuilder(24 * rows.size()).append('[');
    for (int i = 0; i < rows.size(); i++) {
      String jobId = rows.get(i).jobId();
      if (written[i] == 0) {
        if (storedElsewhere.isEmpty()) {
          storedElsewhere = new HashMap<>();
        }
        storedElsewhere.put(jobId, storedFrom(connection, jobId));
        continue;
      }
      if (jobIds.length() > 1) {
        jobIds.append(',');
      }
      JsonText.string(jobIds, jobId);
    }
    try (PreparedStatement delete = connection.prepareStatement(DELETE_RECIPIENTS)) {
      delete.setString(1, jobIds.append(']').toString());
      delete.executeUpdate();
    }
    try (PreparedStatement insert = connection.prepareStatement(INSERT_RECIPIENT)) {
      for (ReportRow row : rows) {
        if (row.recipients().isEmpty() || storedElsewhere.containsKey(row.jobId())) {
          continue;
        }
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
      insert.executeBatch();
    }
    return storedElsewhere;
  }

  private static String storedFrom(Connection connection, String jobId) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(STORED_FROM)) {
      query.setString(1, jobId);
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? row.getString(1) : null;
      }
    }
  }

  @Override
  public void writeRejected(Connection connection, List<RejectedRow> rows, Instant storedAt) throws SQLException {
    String storedAtText = Timestamps.sqlite(storedAt);
    try (PreparedStatement upsert = connection.prepareStatement(UPSERT_REJECTED)) {
      for (RejectedRow row : rows) {
        upsert.setString(1, row.dataCenter());
        upsert.setString(2, row.jobId());
        upsert.setString(3, row.reason());
        upsert.setBytes(4, row.bytes());
        upsert.setBytes(5, row.sha256());
        upsert.setString(6, storedAtText);
        upsert.addBatch();
      }
      upsert.executeBatch();
    }
  }

  /** No limit short of SQLite's billion-byte text: its index keeps long keys on overflow pages. */
  @Override
  public int maxJobIdBytes() {
    return Integer.MAX_VALUE;
  }

  /** Timestamps are text, which holds any time. */
  @Override
  public boolean holds(Instant instant) {
    return true;
  }

  /**
   * A constraint the row breaks (CHECK, NOT NULL, UNIQUE, a STRICT column's type: a user's index or
   * constraint), a value too big, a type mismatch. Not SQLite's own trouble (busy, read-only, I/O,
   * full, corrupt), and not a trigger's RAISE: that is a refusal someone wrote on purpose, and it
   * fails the page as it says.
   */
  @Override
  public boolean refusedTheData(SQLException failure) {
    if (!(failure instanceof SQLiteException sqlite)) {
      return false;
    }
    return switch (sqlite.getResultCode()) {
      case SQLITE_CONSTRAINT, SQLITE_CONSTRAINT_CHECK, SQLITE_CONSTRAINT_NOTNULL, SQLITE_CONSTRAINT_UNIQUE,
          SQLITE_CONSTRAINT_PRIMARYKEY, SQLITE_CONSTRAINT_FOREIGNKEY, SQLITE_CONSTRAINT_DATATYPE, SQLITE_TOOBIG,
          SQLITE_MISMATCH -> true;
      default -> false;
    };
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
