package dev.faxreports.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faxreports.model.DataCenter;
import dev.faxreports.model.FaxReport;
import dev.faxreports.testsupport.postgres.PostgresCluster;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The store contract on a real PostgreSQL server, and what only a server has: credentials, a network, types. */
class JdbcPostgresStoreTest extends JdbcStoreContract {

  private static PostgresCluster postgres;
  private static int databases;

  @BeforeAll
  static void startPostgres() {
    postgres = PostgresCluster.builder().start();
  }

  @AfterAll
  static void stopPostgres() {
    postgres.close();
  }

  static JdbcSettings database(PostgresCluster cluster, String name) {
    String url = cluster.jdbcUrl().substring(0, cluster.jdbcUrl().lastIndexOf('/') + 1) + name;
    return JdbcSettings.of(url, cluster.username(), cluster.password());
  }

  @Override
  JdbcSettings freshDatabase() {
    String name = "fresh_" + (++databases);
    postgres.superuserSql("CREATE DATABASE " + name + " OWNER " + postgres.username());
    return database(postgres, name);
  }

  @Override
  void failRecipientInsertsOf(JdbcSettings settings, String jobId) {
    Stored.execute(settings, "CREATE FUNCTION poison() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
        + " IF NEW.job_id = '" + jobId + "' THEN RAISE EXCEPTION 'poisoned by the test'; END IF; RETURN NEW; END $$",
        "CREATE TRIGGER poison BEFORE INSERT ON fax_recipient_statuses FOR EACH ROW EXECUTE FUNCTION poison()");
  }

  @Override
  String dayOf(String column) {
    return "to_char(" + column + " AT TIME ZONE 'UTC', 'YYYY-MM-DD')";
  }

  @Test
  void theJsonIsKeptVerbatimInJsonColumnsAndTimesAreTimestamptz() {
    JdbcSettings settings = freshDatabase();
    JdbcReportStore.open(settings).close();
    String types = "SELECT string_agg(table_name || '.' || column_name || ':' || data_type, ',' ORDER BY table_name,"
        + " column_name) FROM information_schema.columns WHERE column_name IN ('report_json', 'properties_json',"
        + " 'first_sent_ts', 'stored_at', 'sent_ts')";
    assertThat(Stored.text(settings, types)).isEqualTo("fax_recipient_statuses.properties_json:json,"
        + "fax_recipient_statuses.sent_ts:timestamp with time zone,fax_reports.first_sent_ts:timestamp with time zone,"
        + "fax_reports.report_json:json,fax_reports.stored_at:timestamp with time zone,"
        + "fax_reports_rejected.stored_at:timestamp with time zone");
  }

  @Test
  void refusedCredentialsAreSaidSoWithoutThePassword() {
    JdbcSettings wrong = JdbcSettings.of(postgres.jdbcUrl(), postgres.username(), "wrong-Secret-123");

    assertThatThrownBy(() -> JdbcReportStore.open(wrong))
        .isInstanceOf(ReportStoreException.class)
        .hasMessageContaining("could not open the report store at " + postgres.jdbcUrl())
        .hasMessageContaining("credentials refused")
        .hasMessageNotContaining("wrong-Secret-123")
        .satisfies(e -> assertThat(stackTraceOf(e)).doesNotContain("wrong-Secret-123"));
  }

  @Test
  void aPasswordInTheUrlIsMaskedInEveryMessage() {
    String url = postgres.jdbcUrl() + "?user=" + postgres.username() + "&password=url-Secret-456";

    assertThatThrownBy(() -> JdbcReportStore.open(JdbcSettings.of(url)))
        .isInstanceOf(ReportStoreException.class)
        .hasMessageContaining("could not open the report store at " + postgres.jdbcUrl())
        .hasMessageContaining("credentials refused")
        .satisfies(e -> assertThat(stackTraceOf(e)).doesNotContain("url-Secret-456"));
  }

  @Test
  void credentialsInTheUrlAreReadInAnyCaseAndAfterSemicolonsAndAMissingPasswordIsSaidSo() {
    String base = freshDatabase().url();
    String user = postgres.username();
    String password = postgres.password();
    for (String url : new String[] {base + "?USER=" + user + "&PASSWORD=" + password,
        base + ";user=" + user + ";Password=" + password}) {
      try (JdbcReportStore store = JdbcReportStore.open(JdbcSettings.of(url))) {
        assertThat(store.countReports()).as(url).isZero();
      }
    }
    assertThatThrownBy(() -> JdbcReportStore.open(JdbcSettings.of(base + "?User=" + user)))
        .isInstanceOf(ReportStoreException.class)
        .hasMessageContaining("credentials missing: the database asks for a password and none was given")
        .hasMessageNotContaining("unreachable");
  }

  @Test
  void anUnreachableServerIsSaidSo() {
    JdbcSettings nobody = JdbcSettings.of("jdbc:postgresql://127.0.0.1:1/faxreports", "x", "y");

    assertThatThrownBy(() -> JdbcReportStore.open(nobody))
        .isInstanceOf(ReportStoreException.class)
        .hasMessageContaining("jdbc:postgresql://127.0.0.1:1/faxreports")
        .hasMessageContaining("database unreachable");
  }

  @Test
  void aMissingDatabaseIsSaidSo() {
    assertThatThrownBy(() -> JdbcReportStore.open(database(postgres, "no_such_database")))
        .isInstanceOf(ReportStoreException.class)
        .hasMessageContaining("the database does not exist");
  }

  @Test
  void aDatabaseThatCannotHoldUtf8IsRefused() {
    postgres.superuserSql("CREATE DATABASE latin1 OWNER " + postgres.username()
        + " ENCODING 'LATIN1' TEMPLATE template0 LC_COLLATE 'C' LC_CTYPE 'C'");

    assertThatThrownBy(() -> JdbcReportStore.open(database(postgres, "latin1")))
        .isInstanceOf(ReportStoreException.class)
        .hasMessageContaining("encoding is LATIN1");
  }

  /**
   * Makes the database end the writing session itself, mid-page, the first {@code times} times a
   * recipient row is inserted — as a restart or an administrator's {@code pg_terminate_backend}
   * does. A sequence counts, since a transaction's own writes die with it.
   */
  private static void endTheSessionMidPage(JdbcSettings settings, int times) {
    Stored.execute(settings, "CREATE SEQUENCE session_ends",
        "CREATE FUNCTION end_session() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
            + " IF nextval('session_ends') <= " + times + " THEN PERFORM pg_terminate_backend(pg_backend_pid()); END IF;"
            + " RETURN NEW; END $$",
        "CREATE TRIGGER end_session BEFORE INSERT ON fax_recipient_statuses FOR EACH ROW EXECUTE FUNCTION end_session()");
  }

  @Test
  void aSessionTheDatabaseEndsMidPageCostsOneAttemptAndThePageIsStoredOnANewOne() {
    JdbcSettings settings = freshDatabase();
    List<FaxReport> first = Reports.sample("A", 50);
    List<FaxReport> second = Reports.sample("B", 50);
    try (JdbcReportStore store = JdbcReportStore.open(settings)) {
      store.handle(Reports.page(first));
      endTheSessionMidPage(settings, 1);

      store.handle(Reports.page(second));

      long recipients = second.stream().mapToLong(report -> report.recipientStatus().size()).sum();
      assertThat(Stored.count(settings, "SELECT last_value FROM session_ends"))
          .as("the session ended at the first recipient row, then every row went in on the retry")
          .isEqualTo(1 + recipients);
      assertThat(store.countReports()).isEqualTo(100);
    }
    List<FaxReport> both = new ArrayList<>(first);
    both.addAll(second);
    assertStoredExactly(settings, DataCenter.DE1, both);
  }

  @Test
  void aSessionEndedAgainOnTheRetryFailsThePageAndLeavesNothingOfIt() {
    JdbcSettings settings = freshDatabase();
    List<FaxReport> first = Reports.sample("A", 50);
    try (JdbcReportStore store = JdbcReportStore.open(settings)) {
      store.handle(Reports.page(first));
      endTheSessionMidPage(settings, 2);

      assertThatThrownBy(() -> store.handle(Reports.page(Reports.sample("B", 50))))
          .isInstanceOf(ReportStoreException.class)
          .hasMessageContaining("could not store 50 reports from DE1")
          .hasMessageMatching("(?s).*(database unreachable|shutting down or restarting).*")
          .hasMessageContaining("also when tried again on a new connection")
          .hasMessageContaining("nothing of the page was stored");
      assertStoredExactly(settings, DataCenter.DE1, first);

      List<FaxReport> next = Reports.sample("C", 5);
      store.handle(Reports.page(next)); // the session ends no more: a live connection again
      assertThat(store.countReports()).isEqualTo(55);
    }
  }

  static String stackTraceOf(Throwable e) {
    java.io.StringWriter text = new java.io.StringWriter();
    e.printStackTrace(new java.io.PrintWriter(text));
    return text.toString();
  }
}
