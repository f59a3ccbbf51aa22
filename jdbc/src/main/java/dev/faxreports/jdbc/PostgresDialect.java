package dev.faxreports.jdbc;

import com.zaxxer.hikari.HikariConfig;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * PostgreSQL: a page is three statements whatever its size, each row set bound as arrays and
 * spread by {@code unnest} — one round trip per statement instead of one per row.
 */
final class PostgresDialect implements Dialect {

  private static final String DELETE_RECIPIENTS =
      "DELETE FROM fax_recipient_statuses WHERE job_id = ANY (?::text[])";

  private static final String UPSERT_REPORTS = """
      INSERT INTO fax_reports (job_id, data_center, pages, customer_defined_id, billing_code, billing_info,
                               first_sent_ts, stored_at, report_json)
      SELECT job_id, ?, pages, customer_defined_id, billing_code, billing_info, first_sent_ts, now(), report_json
      FROM unnest(?::text[], ?::int[], ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::json[])
        AS page (job_id, pages, customer_defined_id, billing_code, billing_info, first_sent_ts, report_json)
      ON CONFLICT (job_id) DO UPDATE SET
        data_center = EXCLUDED.data_center, pages = EXCLUDED.pages,
        customer_defined_id = EXCLUDED.customer_defined_id, billing_code = EXCLUDED.billing_code,
        billing_info = EXCLUDED.billing_info, first_sent_ts = EXCLUDED.first_sent_ts,
        stored_at = EXCLUDED.stored_at, report_json = EXCLUDED.report_json
      """;

  private static final String INSERT_RECIPIENTS = """
      INSERT INTO fax_recipient_statuses (job_id, position, number, status, reason, sent_ts, duration_secs,
                                          sent_to_number, remote_csid, properties_json)
      SELECT * FROM unnest(?::text[], ?::int[], ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::int[],
                           ?::text[], ?::text[], ?::json[])
      """;

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
    int count = rows.size();
    int recipientCount = rows.stream().mapToInt(row -> row.recipients().size()).sum();
    String[] jobIds = new String[count];
    Integer[] pages = new Integer[count];
    String[] customerDefinedIds = new String[count];
    String[] billingCodes = new String[count];
    String[] billingInfos = new String[count];
    String[] firstSentTs = new String[count];
    String[] json = new String[count];
    String[] recipientJobIds = new String[recipientCount];
    Integer[] positions = new Integer[recipientCount];
    String[] numbers = new String[recipientCount];
    String[] statuses = new String[recipientCount];
    String[] reasons = new String[recipientCount];
    String[] sentTs = new String[recipientCount];
    Integer[] durations = new Integer[recipientCount];
    String[] sentToNumbers = new String[recipientCount];
    String[] remoteCsids = new String[recipientCount];
    String[] properties = new String[recipientCount];
    int r = 0;
    for (int i = 0; i < count; i++) {
      ReportRow row = rows.get(i);
      jobIds[i] = row.jobId();
      pages[i] = row.pages();
      customerDefinedIds[i] = row.customerDefinedId();
      billingCodes[i] = row.billingCode();
      billingInfos[i] = row.billingInfo();
      firstSentTs[i] = Timestamps.postgresql(row.firstSentTs());
      json[i] = row.reportJson();
      for (ReportRow.RecipientRow recipient : row.recipients()) {
        recipientJobIds[r] = row.jobId();
        positions[r] = recipient.position();
        numbers[r] = recipient.number();
        statuses[r] = recipient.status();
        reasons[r] = recipient.reason();
        sentTs[r] = Timestamps.postgresql(recipient.sentTs());
        durations[r] = recipient.durationSecs();
        sentToNumbers[r] = recipient.sentToNumber();
        remoteCsids[r] = recipient.remoteCsid();
        properties[r] = recipient.propertiesJson();
        r++;
      }
    }
    try (PreparedStatement delete = connection.prepareStatement(DELETE_RECIPIENTS)) {
      delete.setArray(1, text(connection, jobIds));
      delete.executeUpdate();
    }
    try (PreparedStatement upsert = connection.prepareStatement(UPSERT_REPORTS)) {
      upsert.setString(1, rows.get(0).dataCenter());
      upsert.setArray(2, text(connection, jobIds));
      upsert.setArray(3, connection.createArrayOf("int4", pages));
      upsert.setArray(4, text(connection, customerDefinedIds));
      upsert.setArray(5, text(connection, billingCodes));
      upsert.setArray(6, text(connection, billingInfos));
      upsert.setArray(7, text(connection, firstSentTs));
      upsert.setArray(8, text(connection, json));
      upsert.executeUpdate();
    }
    if (recipientCount > 0) {
      try (PreparedStatement insert = connection.prepareStatement(INSERT_RECIPIENTS)) {
        insert.setArray(1, text(connection, recipientJobIds));
        insert.setArray(2, connection.createArrayOf("int4", positions));
        insert.setArray(3, text(connection, numbers));
        insert.setArray(4, text(connection, statuses));
        insert.setArray(5, text(connection, reasons));
        insert.setArray(6, text(connection, sentTs));
        insert.setArray(7, connection.createArrayOf("int4", durations));
        insert.setArray(8, text(connection, sentToNumbers));
        insert.setArray(9, text(connection, remoteCsids));
        insert.setArray(10, text(connection, properties));
        insert.executeUpdate();
      }
    }
  }

  private static Array text(Connection connection, String[] values) throws SQLException {
    return connection.createArrayOf("text", values);
  }

  @Override
  public String explain(SQLException failure) {
    String state = failure.getSQLState();
    if (state == null) {
      return null;
    }
    return switch (state) {
      case "28P01", "28000" -> "credentials refused";
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
