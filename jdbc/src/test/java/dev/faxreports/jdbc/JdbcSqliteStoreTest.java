package dev.faxreports.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faxreports.model.FaxReport;
import dev.faxreports.model.FaxStatus;
import dev.faxreports.model.RecipientStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on SQLite files, and what only SQLite has: a file, its directory, its text timestamps. */
class JdbcSqliteStoreTest extends JdbcStoreContract {

  @TempDir
  Path directory;
  private int databases;

  @Override
  JdbcSettings freshDatabase() {
    return JdbcSettings.sqlite(directory.resolve("reports-" + (++databases) + ".db"));
  }

  @Override
  void failRecipientInsertsOf(JdbcSettings settings, String jobId) {
    Stored.execute(settings, "CREATE TRIGGER poison BEFORE INSERT ON fax_recipient_statuses"
        + " WHEN NEW.job_id = '" + jobId + "' BEGIN SELECT RAISE(ABORT, 'poisoned by the test'); END");
  }

  @Override
  String dayOf(String column) {
    return "date(" + column + ")";
  }

  @Test
  void timestampsAreTextThatSqlitesDateFunctionsRead() {
    JdbcSettings settings = freshDatabase();
    try (JdbcReportStore store = JdbcReportStore.open(settings)) {
      store.handle(Reports.page(Reports.fromWire(List.of(FaxReport.of("t",
          RecipientStatus.of("+1", FaxStatus.OK, Instant.parse("2026-11-01T10:00:00.123456789+00:00")))))));
    }
    assertThat(Stored.text(settings, "SELECT sent_ts FROM fax_recipient_statuses")).isEqualTo("2026-11-01 10:00:00.123456");
    assertThat(Stored.text(settings, "SELECT first_sent_ts FROM fax_reports")).isEqualTo("2026-11-01 10:00:00.123456");
    assertThat(Stored.text(settings, "SELECT datetime(sent_ts, '+1 day') FROM fax_recipient_statuses"))
        .isEqualTo("2026-11-02 10:00:00");
    assertThat(Stored.count(settings, "SELECT count(*) FROM fax_reports WHERE stored_at > datetime('now', '-1 minute')"
        + " AND stored_at <= strftime('%Y-%m-%d %H:%M:%f', 'now', '+1 second')")).isEqualTo(1);
  }

  @Test
  void theFileIsInWalModeWithItsSchemaVersioned() {
    JdbcSettings settings = freshDatabase();
    try (JdbcReportStore store = JdbcReportStore.open(settings)) {
      store.handle(Reports.page(Reports.sample("W", 3)));
      assertThat(Stored.text(settings, "PRAGMA journal_mode")).isEqualTo("wal");
    }
    assertThat(Stored.text(settings, "SELECT script FROM " + Migrations.HISTORY_TABLE + " WHERE version = '1'"))
        .isEqualTo("V1__fax_reports.sql");
  }

  @Test
  void aMissingDirectoryIsAClearErrorAndIsNotCreated() {
    Path missing = directory.resolve("no-such-dir").resolve("reports.db");
    JdbcSettings settings = JdbcSettings.sqlite(missing);

    assertThatThrownBy(() -> JdbcReportStore.open(settings))
        .isInstanceOf(ReportStoreException.class)
        .hasMessageContaining("could not open the report store at jdbc:sqlite:" + missing)
        .hasMessageContaining("directory is missing");
    assertThat(missing.getParent()).doesNotExist();
  }

  @Test
  void aDirectoryThatCannotBeWrittenIsAClearError() throws IOException {
    // Root writes through any permission bit; /proc refuses new files to everyone.
    Path readOnly = "root".equals(System.getProperty("user.name")) ? Path.of("/proc") : readOnlyDirectory();
    JdbcSettings settings = JdbcSettings.sqlite(readOnly.resolve("faxreports-test.db"));

    assertThatThrownBy(() -> JdbcReportStore.open(settings))
        .isInstanceOf(ReportStoreException.class)
        .hasMessageContaining("could not open the report store at jdbc:sqlite:" + readOnly)
        .hasMessageMatching("(?s).*(cannot open the database file|read-only).*");
  }

  private Path readOnlyDirectory() throws IOException {
    Path dir = Files.createDirectory(directory.resolve("read-only"));
    assertThat(dir.toFile().setWritable(false, false)).isTrue();
    return dir;
  }

  @Test
  void aFileThatIsNotADatabaseIsAClearError() throws IOException {
    Path notADatabase = Files.writeString(directory.resolve("notes.db"), "these are my notes, not a database\n".repeat(100));

    assertThatThrownBy(() -> JdbcReportStore.open(JdbcSettings.sqlite(notADatabase)))
        .isInstanceOf(ReportStoreException.class)
        .hasMessageContaining("not a SQLite database");
    assertThat(Files.readString(notADatabase)).startsWith("these are my notes");
  }
}
