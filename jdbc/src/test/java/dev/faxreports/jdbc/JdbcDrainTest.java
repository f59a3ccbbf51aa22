package dev.faxreports.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faxreports.DrainSummary;
import dev.faxreports.FaxReports;
import dev.faxreports.RetryPolicy;
import dev.faxreports.model.DataCenter;
import dev.faxreports.model.FaxReport;
import dev.faxreports.testkit.FakeFaxServer;
import dev.faxreports.testkit.FakeFaxService;
import dev.faxreports.testkit.Fault;
import dev.faxreports.testkit.Operation;
import dev.faxreports.testkit.SampleReports;
import dev.faxreports.testkit.contract.ContractSubject;
import dev.faxreports.testsupport.postgres.PostgresCluster;
import dev.faxreports.transport.feign.FeignTransportProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real drains through the facade and the Feign transport, from the testkit's HTTP fake server
 * with two data centers and faults, into each database: every report ends up in the table exactly
 * once, as the server sent it, and the service is empty — also when the database restarts
 * between two pages, which costs the drain nothing.
 */
class JdbcDrainTest {

  private static PostgresCluster postgres;
  private static int databases;

  @TempDir
  Path directory;

  @BeforeAll
  static void startPostgres() {
    postgres = PostgresCluster.builder().start();
  }

  @AfterAll
  static void stopPostgres() {
    postgres.close();
  }

  private static JdbcSettings freshPostgres() {
    String name = "drain_" + (++databases);
    postgres.superuserSql("CREATE DATABASE " + name + " OWNER " + postgres.username());
    return JdbcPostgresStoreTest.database(postgres, name);
  }

  /** Two data centers, odd reports among the samples, a failing listing and deletes that fail once. */
  private static FakeFaxService seededFake() {
    FakeFaxService fake = FakeFaxService.europe();
    fake.seedSamples(DataCenter.DE1, 2_300);
    fake.seedSamples(DataCenter.DE2, 1_200);
    fake.seed(DataCenter.DE1, SampleReports.unusualJson("odd-de1"));
    fake.seed(DataCenter.DE2, Reports.unusual().subList(1, 5));
    fake.faults().failNext(Operation.LIST, 2, Fault.unavailable());
    // A delete that fails for good (every attempt): its reports come again next round.
    fake.faults().failNext(DataCenter.DE2, Operation.BULK_DELETE, 4, Fault.unavailable());
    return fake;
  }

  private static FaxReports facade(FakeFaxServer server) {
    return FaxReports.builder()
        .dataCenters(server.dataCenters())
        .customerNumber(ContractSubject.CUSTOMER_NUMBER)
        .credentials(ContractSubject.CREDENTIALS)
        .transport(new FeignTransportProvider())
        .requestTimeout(Duration.ofSeconds(10))
        .retryPolicy(new RetryPolicy(4, Duration.ofMillis(1), Duration.ofMillis(10), 2.0))
        .build();
  }

  private static Map<String, FaxReport> everything(FakeFaxService fake) {
    Map<String, FaxReport> all = new HashMap<>();
    for (DataCenter dataCenter : fake.dataCenters()) {
      fake.reports(dataCenter).forEach(report -> all.put(report.jobId(), report));
    }
    return all;
  }

  private static void assertEveryReportOnceAsSent(JdbcSettings settings, Map<String, FaxReport> sent,
      Map<String, String> dataCenterOf) {
    Map<String, Stored.Report> rows = Stored.reports(settings);
    assertThat(rows.keySet()).containsExactlyInAnyOrderElementsOf(sent.keySet());
    rows.forEach((jobId, row) -> {
      assertThat(row.json()).as(jobId).isEqualTo(sent.get(jobId).originalJson().bytes());
      assertThat(row.dataCenter()).as(jobId).isEqualTo(dataCenterOf.get(jobId));
    });
    long recipients = sent.values().stream().mapToLong(r -> r.recipientStatus().size()).sum();
    assertThat(Stored.count(settings, "SELECT count(*) FROM fax_recipient_statuses")).isEqualTo(recipients);
  }

  private static Map<String, String> dataCenters(FakeFaxService fake) {
    Map<String, String> dataCenterOf = new HashMap<>();
    for (DataCenter dataCenter : fake.dataCenters()) {
      fake.reports(dataCenter).forEach(report -> dataCenterOf.put(report.jobId(), dataCenter.name()));
    }
    return dataCenterOf;
  }

  private void drainsEveryReportExactlyOnce(JdbcSettings settings) {
    FakeFaxService fake = seededFake();
    Map<String, FaxReport> sent = everything(fake);
    Map<String, String> dataCenterOf = dataCenters(fake);

    long exported;
    try (FakeFaxServer server = FakeFaxServer.start(fake, ContractSubject.CUSTOMER_NUMBER, ContractSubject.CREDENTIALS);
        FaxReports reports = facade(server);
        JdbcReportStore store = JdbcReportStore.open(settings)) {
      DrainSummary first = reports.drain(store);
      assertThat(first.failures()).as("DE2's delete failed: its page was stored, not deleted").isNotEmpty();
      DrainSummary rerun = reports.drain(store);
      assertThat(rerun.failures()).isEmpty();
      exported = first.exported() + rerun.exported();
      assertThat(store.countReports()).isEqualTo(sent.size());
    }

    assertThat(exported).as("the rerun delivered the stored page again").isGreaterThan(sent.size());
    assertEveryReportOnceAsSent(settings, sent, dataCenterOf);
    assertThat(fake.reports(DataCenter.DE1)).isEmpty();
    assertThat(fake.reports(DataCenter.DE2)).isEmpty();
  }

  @Test
  void drainsEveryReportExactlyOnceIntoSqlite() {
    drainsEveryReportExactlyOnce(JdbcSettings.sqlite(directory.resolve("reports.db")));
  }

  @Test
  void drainsEveryReportExactlyOnceIntoPostgresql() {
    drainsEveryReportExactlyOnce(freshPostgres());
  }

  @Test
  void postgresqlRestartedBetweenTwoPagesCostsTheDrainNothing() {
    JdbcSettings settings = freshPostgres();
    FakeFaxService fake = FakeFaxService.europe();
    fake.seedSamples(DataCenter.DE1, 3_000);
    fake.seedSamples(DataCenter.DE2, 2_000);
    Map<String, FaxReport> sent = everything(fake);
    Map<String, String> dataCenterOf = dataCenters(fake);
    // Held while the database restarts, so that a delete arriving meanwhile is checked once it is up.
    Object restarting = new Object();
    List<String> deletedBeforeCommitted = new CopyOnWriteArrayList<>();
    fake.onCall(call -> {
      if (call.operation() == Operation.BULK_DELETE) { // before the fake deletes anything
        synchronized (restarting) {
          Set<String> committed = Stored.jobIds(settings);
          call.jobIds().stream().filter(id -> !committed.contains(id)).forEach(deletedBeforeCommitted::add);
        }
      }
    });
    AtomicInteger pages = new AtomicInteger();
    AtomicLong storedAtRestart = new AtomicLong(-1);

    DrainSummary summary;
    try (FakeFaxServer server = FakeFaxServer.start(fake, ContractSubject.CUSTOMER_NUMBER, ContractSubject.CREDENTIALS);
        FaxReports reports = facade(server);
        JdbcReportStore store = JdbcReportStore.open(settings)) {
      summary = reports.drain(page -> {
        if (pages.incrementAndGet() == 3) {
          // Two pages are committed, the third is in hand and not yet written: an administrator
          // restarts the database under the running drain. The pooled connection is now dead.
          synchronized (restarting) {
            storedAtRestart.set(Stored.count(settings, "SELECT count(*) FROM fax_reports"));
            postgres.stop();
            postgres.start();
          }
        }
        store.handle(page); // its first attempt may fail on the dead connection; the retry must not
      });
      assertThat(store.countReports()).isEqualTo(sent.size());
    }

    assertThat(summary.failures()).as("one run, nothing failed").isEmpty();
    assertThat(summary.exported()).as("every report handed over once").isEqualTo(sent.size());
    assertThat(storedAtRestart.get()).as("restarted after two pages, before the last").isEqualTo(2_000);
    assertThat(pages.get()).isGreaterThan(3);
    assertThat(deletedBeforeCommitted).as("deleted at the service before they were committed").isEmpty();
    assertEveryReportOnceAsSent(settings, sent, dataCenterOf);
    assertThat(fake.reports(DataCenter.DE1)).isEmpty();
    assertThat(fake.reports(DataCenter.DE2)).isEmpty();
  }
}
