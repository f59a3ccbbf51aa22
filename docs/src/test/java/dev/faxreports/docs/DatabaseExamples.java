package dev.faxreports.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faxreports.DrainSummary;
import dev.faxreports.FaxReports;
import dev.faxreports.jdbc.JdbcReportStore;
import dev.faxreports.jdbc.JdbcSettings;
import dev.faxreports.jdbc.ReportStoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseExamples {

  @TempDir Path dir;

  @Test
  void drainIntoSqlite() throws SQLException {
    try (Fixture fixture = new Fixture().seed(1_500)) {
      Path file = dir.resolve("reports.db");
      // tag::sqlite[]
      try (JdbcReportStore store = JdbcReportStore.open(JdbcSettings.sqlite(file));
          FaxReports reports = fixture.builder().build()) {
        DrainSummary summary = reports.drain(store);   // each page committed before it is deleted
        System.out.println(store.countReports() + " reports stored, " + summary.acknowledged() + " deleted");
      }
      // end::sqlite[]
      try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
          Statement statement = connection.createStatement();
          ResultSet count = statement.executeQuery("SELECT count(*) FROM fax_reports")) {
        count.next();
        assertThat(count.getLong(1)).isEqualTo(3_000);
      }
    }
  }

  @Test
  void postgresqlSettings() {
    String user = "fax";
    String password = "fax-password";
    // tag::postgresql[]
    JdbcSettings settings = JdbcSettings.of("jdbc:postgresql://db.example.com:5432/fax", user, password);
    // end::postgresql[]
    assertThat(settings.redactedUrl()).isEqualTo("jdbc:postgresql://db.example.com:5432/fax");
    assertThat(settings.toString()).doesNotContain(password);
  }

  @Test
  void aFailingOpenSaysWhy() {
    JdbcSettings settings = JdbcSettings.sqlite(dir.resolve("missing-dir").resolve("reports.db"));
    try {
      JdbcReportStore.open(settings).close();
    } catch (ReportStoreException e) {
      assertThat(e.getMessage()).contains("could not open the report store at jdbc:sqlite:").contains("directory");
      return;
    }
    throw new AssertionError("a missing directory must fail");
  }
}
