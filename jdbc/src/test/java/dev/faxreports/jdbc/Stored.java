package dev.faxreports.jdbc;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/** What the tables hold, read with plain JDBC beside the store: the test's own eyes on the database. */
final class Stored {

  /** A {@code fax_reports} row. */
  record Report(String jobId, String dataCenter, Integer pages, String customerDefinedId, String billingCode,
      String billingInfo, Instant firstSentTs, Instant storedAt, byte[] json) {}

  /** A {@code fax_recipient_statuses} row. */
  record Recipient(String jobId, int position, String number, String status, String reason, Instant sentTs,
      int durationSecs, String sentToNumber, String remoteCsid, String propertiesJson) {}

  /** A {@code fax_reports_rejected} row. */
  record Rejected(String dataCenter, String jobId, String reason, byte[] bytes, byte[] sha256, Instant storedAt) {}

  private static final DateTimeFormatter SQLITE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");

  private Stored() {}

  static Connection connect(JdbcSettings settings) throws SQLException {
    Properties properties = new Properties();
    settings.username().ifPresent(user -> properties.setProperty("user", user));
    settings.password().ifPresent(password -> properties.setProperty("password", password));
    return DriverManager.getConnection(settings.url(), properties);
  }

  static void execute(JdbcSettings settings, String... statements) {
    try (Connection connection = connect(settings); Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static long count(JdbcSettings settings, String sql) {
    try (Connection connection = connect(settings); Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static String text(JdbcSettings settings, String sql) {
    try (Connection connection = connect(settings); Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      return result.next() ? result.getString(1) : null;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The job IDs in {@code fax_reports}, each once (the primary key). */
  static Set<String> jobIds(JdbcSettings settings) {
    Set<String> ids = new HashSet<>();
    try (Connection connection = connect(settings); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT job_id FROM fax_reports")) {
      while (rows.next()) {
        ids.add(rows.getString(1));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return ids;
  }

  /** Every report row by job ID. */
  static Map<String, Report> reports(JdbcSettings settings) {
    Map<String, Report> reports = new LinkedHashMap<>();
    try (Connection connection = connect(settings); PreparedStatement query = connection.prepareStatement(
        "SELECT job_id, data_center, pages, customer_defined_id, billing_code, billing_info, first_sent_ts,"
            + " stored_at, report_json FROM fax_reports ORDER BY job_id");
        ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        int page = rows.getInt(3);
        Integer pages = rows.wasNull() ? null : page;
        reports.put(rows.getString(1), new Report(rows.getString(1), rows.getString(2), pages,
            rows.getString(4), rows.getString(5), rows.getString(6), instant(settings, rows, 7), instant(settings, rows, 8),
            rows.getString(9).getBytes(StandardCharsets.UTF_8)));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return reports;
  }

  /** Every recipient row, by job ID then position. */
  static List<Recipient> recipients(JdbcSettings settings) {
    List<Recipient> recipients = new ArrayList<>();
    try (Connection connection = connect(settings); PreparedStatement query = connection.prepareStatement(
        "SELECT job_id, position, number, status, reason, sent_ts, duration_secs, sent_to_number, remote_csid,"
            + " properties_json FROM fax_recipient_statuses ORDER BY job_id, position");
        ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        recipients.add(new Recipient(rows.getString(1), rows.getInt(2), rows.getString(3), rows.getString(4),
            rows.getString(5), instant(settings, rows, 6), rows.getInt(7), rows.getString(8), rows.getString(9),
            rows.getString(10)));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return recipients;
  }

  /** Every quarantined report, in no particular order. */
  static List<Rejected> rejected(JdbcSettings settings) {
    List<Rejected> rejected = new ArrayList<>();
    try (Connection connection = connect(settings); PreparedStatement query = connection.prepareStatement(
        "SELECT data_center, job_id, reason, report_bytes, report_sha256, stored_at FROM fax_reports_rejected");
        ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        rejected.add(new Rejected(rows.getString(1), rows.getString(2), rows.getString(3), rows.getBytes(4),
            rows.getBytes(5), instant(settings, rows, 6)));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return rejected;
  }

  private static Instant instant(JdbcSettings settings, ResultSet rows, int column) throws SQLException {
    if (settings.isPostgresql()) {
      OffsetDateTime time = rows.getObject(column, OffsetDateTime.class);
      return time == null ? null : time.toInstant();
    }
    String text = rows.getString(column);
    return text == null ? null : LocalDateTime.parse(text, SQLITE_TIME).toInstant(ZoneOffset.UTC);
  }
}
