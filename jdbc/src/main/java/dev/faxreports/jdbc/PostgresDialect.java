package dev.faxreports.jdbc;

import com.zaxxer.hikari.HikariConfig;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * PostgreSQL: a page is a {@code COPY} in binary format, one statement and another {@code COPY},
 * whatever its size. The reports go into a temporary table (created once per connection, emptied
 * by the statement that reads it and at every commit), from which one statement upserts them and
 * deletes their old recipient rows; the new recipient rows are copied straight into their table.
 */
final class PostgresDialect implements Dialect {

  /** The page's reports before the upsert; private to the session, emptied when its transaction ends. */
  static final String PAGE_TABLE = "pg_temp.faxreports_page";

  private static final String CREATE_PAGE_TABLE = "CREATE TEMPORARY TABLE IF NOT EXISTS " + PAGE_TABLE + """
       (
        job_id text, data_center text, pages integer, customer_defined_id text, billing_code text,
        billing_info text, first_sent_ts timestamptz, report_json json
      ) ON COMMIT DELETE ROWS""";

  private static final String COPY_PAGE = "COPY " + PAGE_TABLE + " FROM STDIN (FORMAT binary)";

  private static final int PAGE_FIELDS = 8;

  /**
   * Takes the page's rows out of the page table (so that a second write in the same transaction,
   * as the search for a refused report makes, starts from an empty one), upserts them — but never
   * over a row another data center stored — and deletes the old recipient rows of those it wrote;
   * answers the job IDs it left alone, with the data center they are stored from. {@code = ANY
   * (ARRAY(…))} rather than a join, and a subquery per left-alone row (normally none): the planner
   * then probes the primary key per job ID, never scans the table.
   */
  private static final String UPSERT_REPORTS_DELETE_RECIPIENTS = """
      WITH page AS (
        DELETE FROM pg_temp.faxreports_page RETURNING *
      ), upserted AS (
        INSERT INTO fax_reports (job_id, data_center, pages, customer_defined_id, billing_code, billing_info,
                                 first_sent_ts, stored_at, report_json)
        SELECT job_id, data_center, pages, customer_defined_id, billing_code, billing_info, first_sent_ts, now(),
               report_json
        FROM page
        ON CONFLICT (job_id) DO UPDATE SET
          data_center = EXCLUDED.data_center, pages = EXCLUDED.pages,
          customer_defined_id = EXCLUDED.customer_defined_id, billing_code = EXCLUDED.billing_code,
          billing_info = EXCLUDED.billing_info, first_sent_ts = EXCLUDED.first_sent_ts,
          stored_at = EXCLUDED.stored_at, report_json = EXCLUDED.report_json
        WHERE fax_reports.data_center = EXCLUDED.data_center
        RETURNING job_id
      ), replaced AS (
        DELETE FROM fax_recipient_statuses WHERE job_id = ANY (ARRAY(SELECT job_id FROM upserted))
      )
      SELECT page.job_id, (SELECT stored.data_center FROM fax_reports stored WHERE stored.job_id = page.job_id)
      FROM page WHERE page.job_id NOT IN (SELECT job_id FROM upserted)
      """;

  private static final String COPY_RECIPIENTS = """
      COPY fax_recipient_statuses (job_id, position, number, status, reason, sent_ts, duration_secs,
                                   sent_to_number, remote_csid, properties_json)
      FROM STDIN (FORMAT binary)""";

  private static final int RECIPIENT_FIELDS = 10;

  private static final String UPSERT_REJECTED = """
      INSERT INTO fax_reports_rejected (data_center, job_id, reason, report_bytes, report_sha256, stored_at)
      VALUES (?, ?, ?, ?, ?, now())
      ON CONFLICT (data_center, report_sha256) DO UPDATE SET
        job_id = EXCLUDED.job_id, reason = EXCLUDED.reason, stored_at = EXCLUDED.stored_at
      """;

  /**
   * The range of {@code timestamptz}, in microseconds from 2000-01-01 (PostgreSQL's {@code
   * MIN_TIMESTAMP} and {@code END_TIMESTAMP}): 4714-11-24 BC up to 294277-01-01 AD, exclusive.
   */
  private static final long MIN_TIMESTAMP = -211_813_488_000_000_000L;
  private static final long END_TIMESTAMP = 9_223_371_331_200_000_000L;

  /**
   * A B-tree entry takes at most 2704 bytes (a third of a page, less headers): about 2690 for a key
   * of the ID and a position, fewer if the text does not compress. 2000 leaves room, and a real job
   * ID is some twenty characters.
   */
  private static final int MAX_JOB_ID_BYTES = 2_000;

  @Override
  public String name() {
    return "PostgreSQL";
  }

  @Override
  public String migrations() {
    return "classpath:dev/faxreports/jdbc/migration/postgresql";
  }

  @Override
  public void configure(HikariConfig pool) {
    pool.setDriverClassName("org.postgresql.Driver");
    // Defaults only: a value in the URL wins. A connect or a page that hangs must end in an error.
    pool.addDataSourceProperty("connectTimeout", "10");
    pool.addDataSourceProperty("socketTimeout", "300");
    pool.addDataSourceProperty("ApplicationName", "faxreports");
    // The page table, once per connection (one the database dropped is replaced, and gets it
    // anew). Isolated, Hikari commits it at once rather than leaving it to the first page.
    pool.setConnectionInitSql(CREATE_PAGE_TABLE);
    pool.setIsolateInternalQueries(true);
  }

  @Override
  public void check(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet encoding = statement.executeQuery("SHOW server_encoding")) {
      encoding.next();
      String name = encoding.getString(1);
      if (!"UTF8".equalsIgnoreCase(name)) {
        throw new SQLException("the database's encoding is " + name + ", which cannot hold every report as the"
            + " server sent it (UTF-8); create the database with ENCODING 'UTF8'", "22021");
      }
    }
  }

  @Override
  public Map<String, String> write(Connection connection, List<ReportRow> rows, Instant storedAt)
      throws SQLException {
    PgBinaryCopy reports = new PgBinaryCopy(1024 * rows.size());
    for (ReportRow row : rows) {
      reports.row(PAGE_FIELDS);
      reports.text(row.jobId());
      reports.text(row.dataCenter());
      reports.integer(row.pages());
      reports.text(row.customerDefinedId());
      reports.text(row.billingCode());
      reports.text(row.billingInfo());
      reports.timestamptz(row.firstSentTs());
      reports.bytes(row.reportJson());
    }
    CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
    copyIn(copy, COPY_PAGE, reports.finish());
    Map<String, String> storedElsewhere = Map.of();
    try (Statement statement = connection.createStatement();
        ResultSet leftAlone = statement.executeQuery(UPSERT_REPORTS_DELETE_RECIPIENTS)) {
      while (leftAlone.next()) {
        if (storedElsewhere.isEmpty()) {
          storedElsewhere = new HashMap<>();
        }
        storedElsewhere.put(leftAlone.getString(1), leftAlone.getString(2));
      }
    }
    PgBinaryCopy recipients = new PgBinaryCopy(256 * rows.size());
    boolean any = false;
    for (ReportRow row : rows) {
      if (row.recipients().isEmpty() || storedElsewhere.containsKey(row.jobId())) {
        continue;
      }
      byte[] jobId = row.jobId().getBytes(StandardCharsets.UTF_8);
      for (ReportRow.RecipientRow recipient : row.recipients()) {
        recipients.row(RECIPIENT_FIELDS);
        recipients.bytes(jobId);
        recipients.integer(recipient.position());
        recipients.text(recipient.number());
        recipients.text(recipient.status());
        recipients.text(recipient.reason());
        recipients.timestamptz(recipient.sentTs());
        recipients.integer(recipient.durationSecs());
        recipients.text(recipient.sentToNumber());
        recipients.text(recipient.remoteCsid());
        recipients.text(recipient.propertiesJson());
        any = true;
      }
    }
    if (any) {
      copyIn(copy, COPY_RECIPIENTS, recipients.finish());
    }
    return storedElsewhere;
  }

  @Override
  public void writeRejected(Connection connection, List<RejectedRow> rows, Instant storedAt) throws SQLException {
    try (PreparedStatement upsert = connection.prepareStatement(UPSERT_REJECTED)) {
      for (RejectedRow row : rows) {
        upsert.setString(1, row.dataCenter());
        upsert.setString(2, row.jobId());
        upsert.setString(3, row.reason());
        upsert.setBytes(4, row.bytes());
        upsert.setBytes(5, row.sha256());
        upsert.addBatch();
      }
      upsert.executeBatch();
    }
  }

  @Override
  public int maxJobIdBytes() {
    return MAX_JOB_ID_BYTES;
  }

  @Override
  public boolean holds(Instant instant) {
    long micros;
    try {
      micros = PgBinaryCopy.micros(instant);
    } catch (ArithmeticException tooFar) {
      return false;
    }
    return micros >= MIN_TIMESTAMP && micros < END_TIMESTAMP;
  }

  /**
   * SQLSTATE class 22 (data exception: a value out of range, text that is not UTF-8), 23 (integrity
   * constraint violation: a constraint of the user's) and 54 (program limit exceeded: an index row
   * too large, JSON nested past the stack). Not a connection (08), resources (53: disk full, out of
   * memory), a read-only database (25006), permissions (42501), a schema gone wrong (42…), or an
   * error a trigger raises without a code of those classes (P0001).
   */
  @Override
  public boolean refusedTheData(SQLException failure) {
    String state = failure.getSQLState();
    return state != null && (state.startsWith("22") || state.startsWith("23") || state.startsWith("54"));
  }

  private static void copyIn(CopyManager copy, String sql, PgBinaryCopy data) throws SQLException {
    CopyIn in = copy.copyIn(sql);
    try {
      in.writeToCopy(data.buffer(), 0, data.length());
      in.endCopy();
    } catch (SQLException | RuntimeException e) {
      if (in.isActive()) {
        try {
          in.cancelCopy();
        } catch (SQLException cancelling) {
          e.addSuppressed(cancelling);
        }
      }
      throw e;
    }
  }

  @Override
  public String explain(SQLException failure) {
    String state = failure.getSQLState();
    if (state == null) {
      return null;
    }
    return switch (state) {
      case "28P01", "28000" -> "credentials refused";
      // The driver's own refusal of what the server asked for: a password it was not given, an
      // authentication method or SSL mode it cannot use. The server was reached: not "unreachable".
      case "08004" -> "the login could not be made (the database asks for a password, or an authentication or"
          + " SSL method, that the connection does not offer)";
      case "3D000" -> "the database does not exist";
      case "53100" -> "disk full";
      case "53200" -> "the database is out of memory";
      case "53300" -> "the database has no connection left (too many connections)";
      case "57P01", "57P02", "57P03" -> "the database is shutting down or restarting";
      case "42501" -> "permission denied (the user may not create or write the faxreports tables)";
      case "25006" -> "the database is read-only";
      case "40001", "40P01" -> "a concurrent writer got in the way; rerun";
      case "22021" -> "the database cannot hold the reports' text";
      default -> state.startsWith("08") ? "database unreachable" : null;
    };
  }
}
