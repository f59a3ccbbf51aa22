package dev.faxreports.jdbc;

import java.util.Arrays;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;

/**
 * Brings the schema to this library's version with Flyway's versioned scripts (in {@code
 * dev/faxreports/jdbc/migration/DIALECT}), recorded in {@code faxreports_schema_history}: a
 * database faxreports has not seen gets every script, one already current gets none. Nothing is
 * ever dropped (Flyway's clean stays disabled), and a schema newer than this library knows is
 * refused rather than written to by code that does not know it.
 */
final class Migrations {

  static final String HISTORY_TABLE = "faxreports_schema_history";

  private Migrations() {}

  /** Brings the schema up to date, or refuses a newer one. */
  static void apply(DataSource dataSource, Dialect dialect, JdbcSettings settings) {
    Flyway flyway = Flyway.configure(Migrations.class.getClassLoader())
        .dataSource(dataSource)
        .locations(dialect.migrations())
        .failOnMissingLocations(true)
        .table(HISTORY_TABLE)
        // A database that already holds other tables is fine: ours start after a baseline at 0.
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .baselineDescription("before faxreports")
        .cleanDisabled(true)
        .load();
    refuseNewerSchema(flyway, dialect, settings);
    flyway.migrate();
  }

  private static void refuseNewerSchema(Flyway flyway, Dialect dialect, JdbcSettings settings) {
    MigrationInfoService info = flyway.info(); // reads the history table: once
    String future = Arrays.stream(info.applied())
        .filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED)
        .map(m -> m.getVersion() + " (" + m.getDescription() + ")")
        .collect(Collectors.joining(", "));
    if (!future.isEmpty()) {
      String known = Arrays.stream(info.all())
          .filter(m -> m.getState().isResolved() && m.getVersion() != null)
          .map(m -> m.getVersion().toString())
          .reduce((first, last) -> last).orElse("none");
      throw new ReportStoreException("the report store at " + settings.redactedUrl() + " has a newer schema than this"
          + " faxreports-jdbc knows: the " + dialect.name() + " database has version " + future + " applied"
          + " (recorded in " + HISTORY_TABLE + "), this library knows up to version " + known + "; a newer"
          + " faxreports wrote to it. Upgrade faxreports-jdbc instead of letting an older one write to a schema it"
          + " does not know");
    }
  }
}
