package dev.faxreports.cli.sink;

import dev.faxreports.jdbc.JdbcSettings;
import java.util.Map;
import picocli.CommandLine.Model.OptionSpec;

/** {@code --jdbc URL}: PostgreSQL or SQLite (see {@link DatabaseSink}). */
final class DatabaseSinkKind implements SinkKind {

  @Override
  public OptionSpec option() {
    return OptionSpec.builder("--jdbc").paramLabel("URL").type(String.class)
        .description("Stores every report in a database instead, each page one transaction committed before"
            + " it is deleted, each report once (upserted by job ID; one the tables cannot take is kept byte for"
            + " byte, with the reason, in fax_reports_rejected): jdbc:postgresql://HOST[:PORT]/DATABASE"
            + " or jdbc:sqlite:FILE. The tables are created on first use. Credentials in "
            + DatabaseSink.USERNAME_VARIABLE + " and " + DatabaseSink.PASSWORD_VARIABLE + ", or in the URL's"
            + " user and password parameters (any case, after ? or ;), where every user of the machine can read"
            + " them (ps); never printed.")
        .build();
  }

  /** A URL of no database we store into is refused here (exit 2), before anything is sent. */
  @Override
  public ChosenSink choose(OptionSpec given, Map<String, String> environment) {
    JdbcSettings settings = DatabaseSink.settings(given.getValue(), environment);
    return new ChosenSink(settings.redactedUrl(), session -> DatabaseSink.open(settings));
  }

  @Override
  public String passwordVariable() {
    return DatabaseSink.PASSWORD_VARIABLE;
  }
}
