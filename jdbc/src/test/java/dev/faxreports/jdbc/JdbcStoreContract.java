package dev.faxreports.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faxreports.model.DataCenter;
import dev.faxreports.model.FaxReport;
import dev.faxreports.model.FaxStatus;
import dev.faxreports.model.RecipientStatus;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What every dialect's store guarantees, checked against a real database: the tables hold what the
 * server sent, each job once in its latest version, a failed page leaves nothing, migrations run
 * once, and a newer schema is refused.
 */
abstract class JdbcStoreContract {

  /** A database (or file) nobody has used yet. */
  abstract JdbcSettings freshDatabase();

  /** Makes the database itself fail any insert of a recipient row of {@code jobId}, mid-page. */
  abstract void failRecipientInsertsOf(JdbcSettings settings, String jobId);

  static void assertStoredExactly(JdbcSettings settings, DataCenter dataCenter, List<FaxReport> reports) {
    Map<String, Stored.Report> rows = Stored.reports(settings);
    assertThat(rows.keySet()).containsExactlyInAnyOrderElementsOf(reports.stream().map(FaxReport::jobId).toList());
    for (FaxReport report : reports) {
      Stored.Report row = rows.get(report.jobId());
      assertThat(row).as(report.jobId()).usingRecursiveComparison().ignoringFields("storedAt")
          .isEqualTo(Reports.expectedRow(dataCenter.name(), report));
      assertThat(row.json()).as("report_json of %s, byte for byte", report.jobId())
          .isEqualTo(report.originalJson().bytes());
      assertThat(row.storedAt()).isBetween(Instant.now().minusSeconds(120), Instant.now().plusSeconds(5));
    }
    List<Stored.Recipient> expected = reports.stream().flatMap(r -> Reports.expectedRecipients(r).stream()).toList();
    // Both sides ordered by job ID and position: records of text, numbers and instants compare by equals.
    assertThat(Stored.recipients(settings)).containsExactlyElementsOf(expected.stream()
        .sorted(java.util.Comparator.comparing(Stored.Recipient::jobId).thenComparing(Stored.Recipient::position))
        .toList());
  }

  @Test
  void theTablesHoldWhatTheServerSentByteForByteAndAsTheTypedView() {
    JdbcSettings settings = freshDatabase();
    List<FaxReport> reports = new ArrayList<>(Reports.sample("J", 200));
    reports.addAll(Reports.unusual());
    assertThat(reports.get(200).isCompletelyRead()).as("the unusual report has unreadable fields").isFalse();

    try (JdbcReportStore store = JdbcReportStore.open(settings)) {
      store.handle(Reports.page(DataCenter.DE2, reports));
      assertThat(store.countReports()).isEqualTo(reports.size());
    }

    assertStoredExactly(settings, DataCenter.DE2, reports);
  }

  @Test
  void aPageHandledAgainOrOverlappingLeavesEachJobOnceInItsLatestVersion() {
    JdbcSettings settings = freshDatabase();
    Instant sent = Instant.parse("2026-11-02T09:00:00Z");
    List<FaxReport> first = Reports.fromWire(Stream.iterate(0, i -> i + 1).limit(10)
        .map(i -> FaxReport.of("job-" + i, RecipientStatus.of("+491", FaxStatus.BUSY, null),
            RecipientStatus.of("+492", FaxStatus.OK, sent), RecipientStatus.of("+493", FaxStatus.NOFAX, null)))
        .toList());
    List<FaxReport> second = Reports.fromWire(Stream.iterate(5, i -> i + 1).limit(10)
        .map(i -> FaxReport.of("job-" + i, RecipientStatus.of("+499", FaxStatus.OK, sent.plusSeconds(i))))
        .toList());

    try (JdbcReportStore store = JdbcReportStore.open(settings)) {
      store.handle(Reports.page(DataCenter.DE1, first));
      store.handle(Reports.page(DataCenter.DE1, first)); // its delete failed: delivered again
      store.handle(Reports.page(DataCenter.DE1, second)); // overlapping, newer versions of job-5 … job-9
      assertThat(store.countReports()).isEqualTo(15);
    }

    List<FaxReport> latest = new ArrayList<>(first.subList(0, 5));
    latest.addAll(second);
    assertStoredExactly(settings, DataCenter.DE1, latest);
    assertThat(Stored.count(settings, "SELECT count(*) FROM fax_recipient_statuses WHERE job_id = 'job-7'"))
        .as("recipients replaced, none left over").isEqualTo(1);
  }

  @Test
  void aJobTwiceInOnePageIsStoredOnceAsItsLastOccurrence() {
    JdbcSettings settings = freshDatabase();
    List<FaxReport> reports = Reports.fromWire(List.of(
        FaxReport.of("twice", RecipientStatus.of("+1", FaxStatus.BUSY, null), RecipientStatus.of("+2", FaxStatus.BUSY, null)),
        FaxReport.of("other"),
        FaxReport.of("twice", RecipientStatus.of("+1", FaxStatus.OK, Instant.parse("2026-11-02T09:00:00Z")))));

    try (JdbcReportStore store = JdbcReportStore.open(settings)) {
      store.handle(Reports.page(reports));
    }

    assertStoredExactly(settings, DataCenter.DE1, reports.subList(1, 3));
  }

  @Test
  void aPageThatFailsMidWriteLeavesNothingOfItselfAndTheNextPageIsStored() {
    JdbcSettings settings = freshDatabase();
    List<FaxReport> stored = Reports.sample("A", 20);
    try (JdbcReportStore store = JdbcReportStore.open(settings)) {
      store.handle(Reports.page(stored));
      failRecipientInsertsOf(settings, "poison");

      List<FaxReport> failing = new ArrayList<>(Reports.fromWire(List.of(
          FaxReport.of(stored.get(3).jobId()), // would replace a stored report and drop its recipients
          FaxReport.of("new-one", RecipientStatus.of("+1", FaxStatus.OK, Reports.START)))));
      failing.add(Reports.fromWire(List.of(FaxReport.of("poison", RecipientStatus.of("+1", FaxStatus.OK, null)))).get(0));
      assertThatThrownBy(() -> store.handle(Reports.page(failing)))
          .isInstanceOf(ReportStoreException.class)
          .hasMessageContaining("could not store 3 reports from DE1")
          .hasMessageContaining("nothing of the page was stored");

      assertStoredExactly(settings, DataCenter.DE1, stored);
      List<FaxReport> next = Reports.sample("B", 5);
      store.handle(Reports.page(next));
      assertThat(store.countReports()).isEqualTo(25);
    }
  }

  @Test
  void openingAgainRunsNoMigrationAndKeepsTheData() {
    JdbcSettings settings = freshDatabase();
    try (JdbcReportStore store = JdbcReportStore.open(settings)) {
      store.handle(Reports.page(Reports.sample("K", 7)));
    }
    String history = "SELECT count(*) FROM " + Migrations.HISTORY_TABLE;
    long migrations = Stored.count(settings, history);

    try (JdbcReportStore again = JdbcReportStore.open(settings)) {
      assertThat(again.countReports()).isEqualTo(7);
    }
    try (JdbcReportStore third = JdbcReportStore.open(settings)) {
      assertThat(third.countReports()).isEqualTo(7);
    }

    assertThat(Stored.count(settings, history)).isEqualTo(migrations).isPositive();
    assertThat(Stored.count(settings, history + " WHERE version = '1' AND success")).isEqualTo(1);
    assertThat(Stored.count(settings, history + " WHERE version = '2' AND success")).isEqualTo(1);
  }

  @Test
  void aDatabaseWhoseSchemaIsNewerThanThisLibraryIsRefusedAndLeftAlone() {
    JdbcSettings settings = freshDatabase();
    try (JdbcReportStore store = JdbcReportStore.open(settings)) {
      store.handle(Reports.page(Reports.sample("N", 3)));
    }
    Stored.execute(settings, "INSERT INTO " + Migrations.HISTORY_TABLE + " (installed_rank, version, description,"
        + " type, script, checksum, installed_by, execution_time, success)"
        + " VALUES (99, '3', 'from the future', 'SQL', 'V3__from_the_future.sql', 1, 'newer faxreports', 1, true)");

    assertThatThrownBy(() -> JdbcReportStore.open(settings))
        .isInstanceOf(ReportStoreException.class)
        .hasMessageContaining("newer schema")
        .hasMessageContaining("version 3 (from the future)")
        .hasMessageContaining("up to version 2")
        .hasMessageContaining(settings.redactedUrl());
    assertThat(Stored.count(settings, "SELECT count(*) FROM fax_reports")).isEqualTo(3);
  }

  @Test
  void aDatabaseThatAlreadyHoldsOtherTablesGetsOursBeside() {
    JdbcSettings settings = freshDatabase();
    Stored.execute(settings, "CREATE TABLE invoices (id integer PRIMARY KEY, amount integer)",
        "INSERT INTO invoices VALUES (1, 100)");

    try (JdbcReportStore store = JdbcReportStore.open(settings)) {
      store.handle(Reports.page(Reports.sample("O", 4)));
      assertThat(store.countReports()).isEqualTo(4);
    }
    assertThat(Stored.count(settings, "SELECT count(*) FROM invoices")).isEqualTo(1);
  }

  @Test
  void aThousandReportPageIsOneCommit() {
    JdbcSettings settings = freshDatabase();
    List<FaxReport> reports = Reports.sample("T", 1_000);
    try (JdbcReportStore store = JdbcReportStore.open(settings)) {
      store.handle(Reports.page(reports));
      assertThat(store.countReports()).isEqualTo(1_000);
    }
    assertStoredExactly(settings, DataCenter.DE1, reports);
    assertThat(Stored.count(settings, "SELECT count(DISTINCT stored_at) FROM fax_reports")).isEqualTo(1);
  }

  @Test
  void timestampsAreUtcAndQueryableAsTime() {
    JdbcSettings settings = freshDatabase();
    Instant sent = Instant.parse("2026-11-03T23:30:00.5Z");
    try (JdbcReportStore store = JdbcReportStore.open(settings)) {
      store.handle(Reports.page(Reports.fromWire(List.of(
          FaxReport.of("late", RecipientStatus.of("+1", FaxStatus.BUSY, sent.plus(1, ChronoUnit.HOURS)),
              RecipientStatus.of("+2", FaxStatus.OK, sent))))));
    }
    assertThat(Stored.reports(settings).get("late").firstSentTs()).isEqualTo(sent);
    assertThat(Stored.count(settings, "SELECT count(*) FROM fax_recipient_statuses WHERE status <> 'OK' AND "
        + dayOf("sent_ts") + " = '2026-11-04'")).isEqualTo(1);
  }

  /** The UTC calendar day of a timestamp column, as text, in this dialect's SQL. */
  abstract String dayOf(String column);

  @Test
  void aClosedStoreRefusesPagesAndCloseIsIdempotent() {
    JdbcSettings settings = freshDatabase();
    JdbcReportStore store = JdbcReportStore.open(settings);
    store.close();
    store.close();
    assertThatThrownBy(() -> store.handle(Reports.page(Reports.sample("C", 1))))
        .isInstanceOf(ReportStoreException.class);
  }

  @Test
  void deletingReportsDeletesTheirRecipients() {
    JdbcSettings settings = freshDatabase();
    List<FaxReport> reports = Reports.sample("D", 30);
    try (JdbcReportStore store = JdbcReportStore.open(settings)) {
      store.handle(Reports.page(reports));
    }
    String gone = reports.get(0).jobId();
    String alsoGone = reports.get(1).jobId();
    long recipientsBefore = Stored.count(settings, "SELECT count(*) FROM fax_recipient_statuses");

    Stored.execute(settings, "DELETE FROM fax_reports WHERE job_id IN ('" + gone + "', '" + alsoGone + "')");

    assertThat(Stored.count(settings, "SELECT count(*) FROM fax_recipient_statuses WHERE job_id IN ('" + gone
        + "', '" + alsoGone + "')")).isZero();
    assertThat(Stored.count(settings, "SELECT count(*) FROM fax_recipient_statuses")).isEqualTo(recipientsBefore
        - reports.get(0).recipientStatus().size() - reports.get(1).recipientStatus().size());
    assertStoredExactly(settings, DataCenter.DE1, reports.subList(2, reports.size()));
  }

  @Test
  void aFirstPageThatFailsLeavesTheStoreUsable() {
    JdbcSettings settings = freshDatabase();
    JdbcReportStore.open(settings).close();
    failRecipientInsertsOf(settings, "poison");
    try (JdbcReportStore store = JdbcReportStore.open(settings)) {
      assertThatThrownBy(() -> store.handle(Reports.page(Reports.fromWire(List.of(
          FaxReport.of("poison", RecipientStatus.of("+1", FaxStatus.OK, null)))))))
          .isInstanceOf(ReportStoreException.class);
      List<FaxReport> next = Reports.sample("F", 5);
      store.handle(Reports.page(next));
      assertStoredExactly(settings, DataCenter.DE1, next);
    }
  }
}
