package dev.faxreports.cli;

import dev.faxreports.DrainPage;
import dev.faxreports.error.InvalidArgumentException;
import dev.faxreports.jdbc.JdbcReportStore;
import dev.faxreports.jdbc.JdbcSettings;
import java.util.Map;
import java.util.Optional;

/**
 * A database: each page one transaction, committed before the drain may delete it, upserted by job
 * ID, a report the tables cannot take quarantined in the same transaction (see {@link
 * JdbcReportStore#store}). Credentials come from the URL's parameters or from {@value
 * #USERNAME_VARIABLE} and {@value #PASSWORD_VARIABLE}; only the URL with its secrets masked is ever
 * printed.
 */
final class DatabaseSink implements ReportSink {

  static final String USERNAME_VARIABLE = "FAXREPORTS_DB_USERNAME";
  static final String PASSWORD_VARIABLE = "FAXREPORTS_DB_PASSWORD";

  private final JdbcSettings settings;
  private final JdbcReportStore store;

  private DatabaseSink(JdbcSettings settings, JdbcReportStore store) {
    this.settings = settings;
    this.store = store;
  }

  /**
   * The settings for {@code url} with the environment's credentials.
   *
   * @throws InvalidArgumentException for a URL of no database we store into
   */
  static JdbcSettings settings(String url, Map<String, String> environment) {
    try {
      return new JdbcSettings(url, Optional.ofNullable(environment.get(USERNAME_VARIABLE)),
          Optional.ofNullable(environment.get(PASSWORD_VARIABLE)));
    } catch (IllegalArgumentException wrong) {
      throw new InvalidArgumentException("--jdbc: " + wrong.getMessage());
    }
  }

  /** Opens (and on first use creates) the tables; a database that cannot be reached throws. */
  static DatabaseSink open(JdbcSettings settings) {
    return new DatabaseSink(settings, JdbcReportStore.open(settings));
  }

  /** A report the tables cannot take as rows is kept byte for byte in fax_reports_rejected: counted here. */
  @Override
  public int store(DrainPage page) {
    return store.store(page).quarantined();
  }

  @Override
  public String where() {
    return settings.redactedUrl();
  }

  @Override
  public void close() {
    store.close();
  }
}
