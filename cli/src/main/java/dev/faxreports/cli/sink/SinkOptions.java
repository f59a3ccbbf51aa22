package dev.faxreports.cli.sink;

import dev.faxreports.cli.Session;
import dev.faxreports.jdbc.JdbcSettings;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** Where a drain stores what it collects: exactly one of {@code --out FILE} and {@code --jdbc URL}. */
public final class SinkOptions {

  @Option(names = "--out", paramLabel = "FILE",
      description = "Appends every report to FILE as JSON Lines, each page synced before it is deleted.")
  Path out;

  @Option(names = "--jdbc", paramLabel = "URL",
      description = {"Stores every report in a database instead, each page one transaction committed before"
          + " it is deleted, each report once (upserted by job ID; one the tables cannot take is kept byte for"
          + " byte, with the reason, in fax_reports_rejected): jdbc:postgresql://HOST[:PORT]/DATABASE"
          + " or jdbc:sqlite:FILE. The tables are created on first use. Credentials in "
          + DatabaseSink.USERNAME_VARIABLE + " and " + DatabaseSink.PASSWORD_VARIABLE + ", or in the URL's"
          + " user and password parameters (any case, after ? or ;), where every user of the machine can read"
          + " them (ps); never printed."})
  String jdbc;

  /** The database settings, checked before anything is sent; null for a file. */
  public JdbcSettings database(Map<String, String> environment) {
    return jdbc == null ? null : DatabaseSink.settings(jdbc, environment);
  }

  /** What was chosen, fit to print before it is opened: a file's path or the URL without secrets. */
  public String describe(Map<String, String> environment) {
    return jdbc == null ? out.toAbsolutePath().toString() : database(environment).redactedUrl();
  }

  /** Opens the sink chosen; what cannot be opened is said in the tool's terms. */
  public ReportSink open(Session session) {
    JdbcSettings database = database(session.environment());
    return database == null ? FileSink.open(out, session) : DatabaseSink.open(database);
  }
}
