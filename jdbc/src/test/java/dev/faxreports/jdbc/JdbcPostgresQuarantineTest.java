package dev.faxreports.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faxreports.model.FaxReport;
import dev.faxreports.testkit.SampleReports;
import dev.faxreports.testsupport.postgres.PostgresCluster;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The quarantine on a real PostgreSQL server, and what only PostgreSQL refuses: a key too long for
 * its index, a time outside {@code timestamptz}, JSON nested past its parser's stack, a NUL in text.
 */
class JdbcPostgresQuarantineTest extends JdbcQuarantineContract {

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

  @Override
  JdbcSettings freshDatabase() {
    String name = "quarantine_" + (++databases);
    postgres.superuserSql("CREATE DATABASE " + name + " OWNER " + postgres.username());
    return JdbcPostgresStoreTest.database(postgres, name);
  }

  @Override
  boolean postgresql() {
    return true;
  }

  @Override
  void failEveryInsertOfRejected(JdbcSettings settings) {
    Stored.execute(settings, "CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
        + " RAISE EXCEPTION 'refused by the test'; END $$",
        "CREATE TRIGGER refuse BEFORE INSERT ON fax_reports_rejected FOR EACH ROW EXECUTE FUNCTION refuse()");
  }

  /**
   * The checks made first are a shortcut, not the only guard: with them off, every report goes to
   * PostgreSQL, and its own errors (22021, 54000, 22008, 54001) find the same reports among 400,
   * whose page is stored without them.
   */
  @Test
  void withTheChecksOffThePostgresqlErrorsFindTheSameReports() {
    JdbcSettings settings = freshDatabase();
    Map<String, FaxReport> hostile = new HashMap<>(SampleReports.hostileJson("P-"));
    hostile.remove("lone surrogate U+D800"); // PostgreSQL never sees those: Java writes '?' (the checks' reason to be)
    hostile.remove("lone surrogate U+DBFF");
    hostile.put("NUL byte", nulByte("P-nul-byte"));
    List<FaxReport> good = Reports.sample("Q", 400);
    List<FaxReport> page = new ArrayList<>(good);
    int at = 7;
    for (FaxReport report : hostile.values()) {
      page.add(at, report);
      at += 53;
    }

    try (JdbcReportStore store = JdbcReportStore.open(settings, Dialect.of(settings), false)) {
      assertThat(store.store(Reports.page(page))).isEqualTo(new StoredPage(400, hostile.size()));
    }

    Kept kept = assertEveryReportKept(settings, List.of(Reports.page(page)), jobIds(good));
    JdbcStoreContract.assertStoredExactly(settings, dev.faxreports.model.DataCenter.DE1, good);
    Map<String, String> reasons = new HashMap<>();
    hostile.forEach((what, report) -> reasons.put(what, kept.rejected("DE1", report.originalJson().bytes()).reason()));
    assertThat(reasons.get("NUL in the job ID")).contains("SQLSTATE 22021");
    assertThat(reasons.get("NUL byte")).contains("SQLSTATE 22021");
    assertThat(reasons.get("overlong UTF-8")).contains("SQLSTATE 22021");
    assertThat(reasons.get("3000-character job ID")).contains("SQLSTATE 54000").contains("index row size");
    assertThat(reasons.get("sentTs in year -5000")).contains("SQLSTATE 22008");
    assertThat(reasons.get("nested 30000 deep")).contains("SQLSTATE 54001").contains("stack depth");
  }

  /** The checks' bounds are PostgreSQL's: just inside is stored typed, just outside quarantined. */
  @Test
  void justInsideTheBoundsIsTypedAndJustOutsideQuarantined() {
    JdbcSettings settings = freshDatabase();
    Instant earliest = Instant.parse("-4713-11-24T00:00:00Z");
    Instant latest = Instant.parse("+294276-12-31T23:59:59.999999Z");
    List<FaxReport> inside = List.of(sentAt("earliest", earliest), sentAt("latest", latest),
        sentAt("latest-nanos", latest.plusNanos(999)), Reports.fromJson("{\"jobId\":\"" + incompressible(2_000, 1) + "\"}"));
    List<FaxReport> outside = List.of(sentAt("too-early", earliest.minus(1, ChronoUnit.MICROS)),
        sentAt("too-late", latest.plus(1, ChronoUnit.MICROS)), sentAt("far-too-late", Instant.parse("+999999999-12-31T23:59:59Z")),
        Reports.fromJson("{\"jobId\":\"" + incompressible(2_001, 2) + "\"}"));
    List<FaxReport> page = new ArrayList<>(inside);
    page.addAll(outside);

    try (JdbcReportStore store = JdbcReportStore.open(settings)) {
      assertThat(store.store(Reports.page(page))).isEqualTo(new StoredPage(4, 4));
    }

    assertEveryReportKept(settings, List.of(Reports.page(page)), Set.copyOf(jobIds(inside)));
    assertThat(Stored.reports(settings).get("earliest").firstSentTs()).isEqualTo(earliest);
    assertThat(Stored.reports(settings).get("latest-nanos").firstSentTs()).isEqualTo(latest);
  }
}
