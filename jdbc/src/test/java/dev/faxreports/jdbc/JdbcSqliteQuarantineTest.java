package dev.faxreports.jdbc;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The quarantine on SQLite files. */
class JdbcSqliteQuarantineTest extends JdbcQuarantineContract {

  @TempDir
  Path directory;
  private int databases;

  @Override
  JdbcSettings freshDatabase() {
    return JdbcSettings.sqlite(directory.resolve("reports-" + (++databases) + ".db"));
  }

  @Override
  boolean postgresql() {
    return false;
  }

  @Override
  void failEveryInsertOfRejected(JdbcSettings settings) {
    Stored.execute(settings, "CREATE TRIGGER refuse BEFORE INSERT ON fax_reports_rejected"
        + " BEGIN SELECT RAISE(ABORT, 'refused by the test'); END");
  }
}
