package dev.faxreports.jdbc;

import com.zaxxer.hikari.HikariConfig;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * PostgreSQL: a page is two {@code COPY}s in binary format and one statement batch, whatever its
 * size. The reports go into a temporary table (created once per connection, emptied at every
 * commit), from which one {@code INSERT … ON CONFLICT} upserts them; their old recipient rows are
 * deleted; the new recipient rows are copied straight into their table.
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
   * The upsert, then the delete of the page's old recipient rows. {@code = ANY (ARRAY(…))} rather
   * than a join: the planner then probes the primary key per job ID, never scans the table.
   */
  private static final String UPSERT_REPORTS_DELETE_RECIPIENTS = """
      INSERT INTO fax_reports (job_id, data_center, pages, customer_defined_id, billing_code, billing_info,
                               first_sent_ts, stored_at, report_json)
      SELECT job_id, data_center, pages, customer_defined_id, billing_code, billing_info, first_sent_ts, now(),
             report_json
      FROM pg_temp.faxreports_page
      ON CONFLICT (job_id) DO UPDATE SET
        data_center = EXCLUDED.data_center, pages = EXCLUDED.pages,
        customer_defined_id = EXCLUDED.customer_defined_id, billing_code = EXCLUDED.billing_code,
        billing_info = EXCLUDED.billing_info, first_sent_ts = EXCLUDED.first_sent_ts,
        stored_at = EXCLUDED.stored_at, report_json = EXCLUDED.report_json;
      DELETE FROM fax_recipient_statuses WHERE job_id = ANY (ARRAY(SELECT job_id FROM pg_temp.faxreports_page))
      """;

  private static final String COPY_RECIPIENTS = """
      COPY fax_recipient_statuses (job_id, position, number, status, reason, sent_ts, duration_secs,
                                   sent_to_number, remote_csid, properties_json)
      FROM STDIN (FORMAT binary)""";

  private static final int RECIPIENT_FIELDS = 10;

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
  public void write(Connection connection, List<ReportRow> rows) throws SQLException {
    PgBinaryCopy reports = new PgBinaryCopy(1024 * rows.size());
    PgBinaryCopy recipients = new PgBinaryCopy(256 * rows.size());
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
      byte[] jobId = null;
      for (ReportRow.RecipientRow recipient : row.recipients()) {
        if (jobId == null) {
          jobId = row.jobId().getBytes(StandardCharsets.UTF_8);
        }
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
      }
    }
    CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
    copyIn(copy, COPY_PAGE, reports.finish());
    try (Statement statement = connection.createStatement()) {
      statement.execute(UPSERT_REPORTS_DELETE_RECIPIENTS);
    }
    copyIn(copy, COPY_RECIPIENTS, recipients.finish());

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
