package dev.faxreports.cli.sink;

import dev.faxreports.DrainPage;
import dev.faxreports.error.InvalidArgumentException;
import dev.faxreports.jdbc.JdbcReportStore;
import dev.faxreports.jdbc.JdbcSettings;
import dev.faxreports.jdbc.ReportStoreException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A database: each page one transaction, committed before the drain may delete it, upserted by job
 * ID, a report the tables cannot take quarantined in the same transaction (see {@link
 * JdbcReportStore#store}). Credentials come from the URL's parameters or from {@value
 * #USERNAME_VARIABLE} and {@value #PASSWORD_VARIABLE}; only the URL with its secrets masked is ever
 * printed. A SQLite database file removed or replaced while the sink holds it (see {@link
 * HeldFile}) fails the page after its commit, before it is acknowledged.
 */
public final class DatabaseSink implements ReportSink {

  public static final String USERNAME_VARIABLE = "FAXREPORTS_DB_USERNAME";
  public static final String PASSWORD_VARIABLE = "FAXREPORTS_DB_PASSWORD";

  private final JdbcSettings settings;
  private final JdbcReportStore store;
  /** The SQLite file, or null (PostgreSQL). */
  private final HeldFile file;

  private DatabaseSink(JdbcSettings settings, JdbcReportStore store, HeldFile file) {
    this.settings = settings;
    this.store = store;
    this.file = file;
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
    JdbcReportStore store = JdbcReportStore.open(settings);
    Optional<Path> sqlite = settings.sqliteFile();
    if (sqlite.isEmpty()) {
      return new DatabaseSink(settings, store, null);
    }
    try {
      return new DatabaseSink(settings, store, HeldFile.at(sqlite.get()));
    } catch (IOException | RuntimeException e) {
      store.close();
      throw new ReportStoreException("could not open the report store at " + settings.redactedUrl()
          + ": cannot read the attributes of " + sqlite.get() + " (" + e + ")", e);
    }
  }

  /** A report the tables cannot take as rows is kept byte for byte in fax_reports_rejected: counted here. */
  @Override
  public int store(DrainPage page) {
    int quarantined = store.store(page).quarantined();
    String problem = file == null ? null : file.problem();
    if (problem != null) {
      throw new ReportStoreException("the database file " + problem + "; the page stays at the service");
    }
    return quarantined;
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
