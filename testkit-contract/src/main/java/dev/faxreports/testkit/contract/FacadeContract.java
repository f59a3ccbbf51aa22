package dev.faxreports.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faxreports.DeletionsResult;
import dev.faxreports.DrainSummary;
import dev.faxreports.FaxReports;
import dev.faxreports.ReportsResult;
import dev.faxreports.RetryPolicy;
import dev.faxreports.error.AuthenticationException;
import dev.faxreports.error.DataCenterFailureException;
import dev.faxreports.error.TransportException;
import dev.faxreports.model.DeletionResult;
import dev.faxreports.model.FaxReport;
import dev.faxreports.testkit.Fault;
import dev.faxreports.testkit.Operation;
import dev.faxreports.testkit.RecordedCall;
import dev.faxreports.testkit.SampleReports;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The service rules of DESIGN.md through the real facade over the subject: fan-out and merging,
 * chunking, narrowing, retries, timeouts, partial failures, and a drain that loses nothing.
 */
public abstract class FacadeContract extends ContractSupport {

  private static final Instant T0 = Instant.parse("2026-11-01T08:00:00Z");
  /** Per attempt; shorter than the stall faults below so that they time out. */
  protected static final Duration REQUEST_TIMEOUT = Duration.ofMillis(1_500);

  protected FaxReports reports;

  @BeforeEach
  void createFacade() {
    reports = facade(false);
  }

  @AfterEach
  void closeFacade() {
    reports.close();
  }

  protected FaxReports facade(boolean strict) {
    return FaxReports.builder()
        .dataCenters(subject.dataCenters())
        .transport(subject.transport())
        .retryPolicy(new RetryPolicy(4, Duration.ofMillis(20), Duration.ofMillis(200), 2.0))
        .requestTimeout(REQUEST_TIMEOUT)
        .deadline(Duration.ofSeconds(15))
        .strict(strict)
        .build();
  }

  private static List<String> ids(List<FaxReport> reports) {
    return reports.stream().map(FaxReport::jobId).toList();
  }

  // ---- fan-out and merging ----------------------------------------------------------------------

  @Test
  void listMergesEveryDataCenterOldestFirst() {
    service.seed(first, SampleReports.delivered("F1", T0.plusSeconds(1)), SampleReports.delivered("F3", T0.plusSeconds(3)));
    service.seed(second, SampleReports.delivered("S2", T0.plusSeconds(2)));

    ReportsResult listed = reports.list();

    assertThat(ids(listed.reports())).containsExactly("F1", "S2", "F3");
    assertThat(listed.dataCenterOf("S2")).hasValueSatisfying(dc -> assertThat(dc.name()).isEqualTo(second.name()));
  }

  @Test
  void getFindsTheReportInWhicheverDataCenterHasIt() {
    service.seed(second, SampleReports.delivered("ONLY-IN-SECOND", T0));

    assertThat(reports.get("ONLY-IN-SECOND")).map(FaxReport::jobId).contains("ONLY-IN-SECOND");
    assertThat(reports.get("NOWHERE")).isEmpty();
  }

  @Test
  void bulkRequestsAreChunkedByAThousandAndDeduplicated() {
    List<FaxReport> inFirst = service.seedSamples(first, 1_300);
    List<FaxReport> inSecond = service.seedSamples(second, 1_200);
    List<String> asked = new ArrayList<>(ids(inFirst));
    asked.addAll(ids(inSecond));
    asked.addAll(ids(inSecond).subList(0, 100)); // duplicates

    ReportsResult got = reports.getMany(asked);

    assertThat(got.reports()).hasSize(2_500);
    for (var dataCenter : List.of(first, second)) {
      List<RecordedCall> calls = service.calls(dataCenter, Operation.BULK_GET);
      assertThat(calls).extracting(c -> c.jobIds().size()).containsExactly(1_000, 1_000, 500);
    }
  }

  @Test
  void deleteManyIsDeletedIfAnyDataCenterDeletedItAndNotFoundOnlyIfAllSaidSo() {
    service.seed(second, SampleReports.delivered("HERE", T0));

    DeletionsResult result = reports.deleteMany(List.of("HERE", "NOWHERE"));

    assertThat(result.results()).containsExactly(DeletionResult.deleted("HERE"), DeletionResult.notFound("NOWHERE"));
    assertThat(service.reports(second)).isEmpty();
  }

  @Test
  void aDataCenterThatRejectsUnknownIdsStillYieldsEveryReportItHas() {
    List<FaxReport> inFirst = service.seedSamples(first, 40);
    List<FaxReport> inSecond = service.seedSamples(second, 5);
    service.faults().rejectUnknownIdsWith404(second);
    List<String> asked = Stream.concat(ids(inFirst).stream(), ids(inSecond).stream()).toList();

    ReportsResult got = reports.getMany(asked);
    DeletionsResult deleted = reports.deleteMany(asked);

    assertThat(ids(got.reports())).isEqualTo(asked);
    assertThat(deleted.results()).allMatch(DeletionResult::deleted);
    assertThat(service.reports(second)).isEmpty();
  }

  // ---- retries and time -------------------------------------------------------------------------

  @Test
  void temporaryFailuresAreRetriedUntilTheAnswerComes() {
    service.seed(first, SampleReports.delivered("A", T0));
    service.faults().failNext(first, Operation.LIST, 1, Fault.unavailable());
    service.faults().failNext(first, Operation.LIST, 1, Fault.unknownError());

    assertThat(ids(reports.list().reports())).containsExactly("A");
    assertThat(service.calls(first, Operation.LIST)).hasSize(3);
  }

  @Test
  void everyKindOfTemporaryFailureIsRetried() {
    service.seed(first, SampleReports.delivered("A", T0));
    service.faults()
        .failNext(first, Operation.BULK_GET, 1, Fault.htmlErrorPage(502))
        .failNext(first, Operation.BULK_GET, 1, Fault.connectionClosedBeforeResponse())
        .failNext(first, Operation.BULK_GET, 1, Fault.truncatedJson());

    assertThat(ids(reports.getMany(List.of("A")).reports())).containsExactly("A");
    assertThat(service.calls(first, Operation.BULK_GET)).hasSize(4);
  }

  @Test
  void unauthorizedIsNotRetried() {
    service.faults().failNext(Operation.LIST, 2, Fault.unauthorized());

    Throwable failure = failureOf(() -> reports.list());

    // Every data center failed alike: the call throws that kind, each data center's answer attached.
    assertThat(failure).isInstanceOfSatisfying(AuthenticationException.class,
        e -> assertThat(e.failures()).hasSize(2).allSatisfy((dc, f) -> assertThat(f).isInstanceOf(AuthenticationException.class)));
    assertThat(service.calls(Operation.LIST)).hasSize(2); // one per data center
  }

  @Test
  void deleteOldestIsNeverRepeatedOnceSent() {
    service.seedSamples(first, 10);
    service.faults().failNext(first, Operation.DELETE_OLDEST, 1, Fault.unavailable());

    DeletionsResult result = reports.deleteOldest();

    assertThat(result.failures()).hasSize(1);
    assertThat(service.calls(first, Operation.DELETE_OLDEST)).hasSize(1);
    assertThat(service.reports(first)).hasSize(10);
  }

  @Test
  void retryAfterIsHonoured() {
    service.faults().failNext(first, Operation.LIST, 1, Fault.unavailable(Duration.ofSeconds(1)));

    reports.list();

    List<RecordedCall> calls = service.calls(first, Operation.LIST);
    assertThat(calls).hasSize(2);
    assertThat(Duration.ofNanos(calls.get(1).nanoTime() - calls.get(0).nanoTime()))
        .isGreaterThanOrEqualTo(Duration.ofMillis(950));
  }

  @Test
  void aStallLongerThanTheRequestTimeoutIsCutShortAndRetried() {
    service.seed(first, SampleReports.delivered("A", T0));
    service.faults().failNext(first, Operation.LIST, 1, Fault.delay(REQUEST_TIMEOUT.multipliedBy(3)));

    assertThat(ids(reports.list().reports())).containsExactly("A");
    assertThat(service.calls(first, Operation.LIST)).hasSize(2);
  }

  // ---- partial failures -------------------------------------------------------------------------

  @Test
  void oneDataCenterDownIsAPartialResultNamingIt() {
    service.seed(second, SampleReports.delivered("S", T0));
    service.faults().down(first);

    ReportsResult listed = reports.list();

    assertThat(ids(listed.reports())).containsExactly("S");
    assertThat(listed.failures()).hasSize(1);
    assertThat(listed.failures().keySet()).extracting(dc -> dc.name()).containsExactly(first.name());
    assertThat(listed.failures().values()).allMatch(TransportException.class::isInstance);
  }

  @Test
  void strictModeTurnsAPartialResultIntoAnError() {
    service.faults().down(first);
    try (FaxReports strict = facade(true)) {
      Throwable failure = failureOf(strict::list);
      assertThat(failure).isInstanceOf(DataCenterFailureException.class).hasMessageContaining(first.name());
    }
  }

  @Test
  void everyDataCenterDownIsAnErrorNamingEach() {
    service.faults().down(first).down(second);

    Throwable failure = failureOf(() -> reports.list());

    assertThat(failure).isInstanceOf(DataCenterFailureException.class)
        .hasMessageContaining(first.name()).hasMessageContaining(second.name());
  }

  // ---- drain ------------------------------------------------------------------------------------

  @Test
  void drainExportsEverySeededReportAndDeletesOnlyWhatWasHandedOver() {
    Set<String> seeded = new HashSet<>(ids(service.seedSamples(first, 2_300)));
    seeded.addAll(ids(service.seedSamples(second, 1_100)));
    service.faults()
        .failNext(Operation.BULK_DELETE, 2, Fault.unavailable())
        .failNext(first, Operation.BULK_DELETE, 1, Fault.truncatedJson())
        .failNext(second, Operation.LIST, 1, Fault.connectionClosedMidBody());
    Set<String> exported = new HashSet<>();
    List<String> deletedBeforeHandOver = new ArrayList<>();

    DrainSummary summary = reports.drain(page -> {
      Set<String> stillThere = new HashSet<>(ids(service.reports(page.dataCenter())));
      ids(page.reports()).stream().filter(id -> !stillThere.contains(id)).forEach(deletedBeforeHandOver::add);
      exported.addAll(ids(page.reports()));
    });

    assertThat(exported).isEqualTo(seeded);
    assertThat(deletedBeforeHandOver).isEmpty();
    assertThat(service.reports(first)).isEmpty();
    assertThat(service.reports(second)).isEmpty();
    assertThat(summary.isComplete()).isTrue();
    assertThat(summary.acknowledged()).isEqualTo(3_400);
  }

  @Test
  void drainNeverAcknowledgesWithDeleteOldest() {
    service.seedSamples(first, 5);

    reports.drain(page -> {});

    assertThat(service.calls(Operation.DELETE_OLDEST)).isEmpty();
  }

  @Test
  void aDrainHandlerThatThrowsDeletesNothing() {
    service.seedSamples(first, 5);
    service.seedSamples(second, 5);

    Throwable failure = failureOf(() -> reports.drain(page -> {
      throw new IllegalStateException("archive unavailable");
    }));

    assertThat(failure).hasMessage("archive unavailable");
    assertThat(service.calls(Operation.BULK_DELETE)).isEmpty();
    assertThat(service.reports(first)).hasSize(5);
    assertThat(service.reports(second)).hasSize(5);
  }

  // ---- drain against a hostile data center ------------------------------------------------------

  @Test
  void aDrainHandsOverEachReportExactlyAsTheServerSentIt() {
    FaxReport unusual = SampleReports.unusualJson("ODD1");
    service.seed(first, unusual);
    List<FaxReport> handedOver = new ArrayList<>();

    reports.drain(page -> handedOver.addAll(page.reports()));

    assertThat(handedOver).singleElement().satisfies(report -> {
      assertThat(report.originalJson()).isEqualTo(unusual.originalJson());
      assertThat(report.unreadableFields()).containsExactly("recipientStatus[0].sentTs");
    });
    assertThat(service.reports(first)).isEmpty();
  }

  @Test
  void aDrainStopsADataCenterWhoseDeletesKeepTheReportsAndHandsNoneOutTwice() {
    // The first 1000 are listed, "deleted" and kept, so the 200 behind them can never be reached.
    List<String> reachable = ids(service.seedSamples(first, 1_200)).subList(0, 1_000);
    Set<String> expected = new HashSet<>(reachable);
    expected.addAll(ids(service.seedSamples(second, 300)));
    service.faults().lyingDeletes(first);
    List<String> handedOut = new ArrayList<>();

    DrainSummary summary = reports.drain(page -> handedOut.addAll(ids(page.reports())));

    assertThat(handedOut).doesNotHaveDuplicates();
    assertThat(new HashSet<>(handedOut)).isEqualTo(expected);
    assertThat(summary.failures()).containsOnlyKeys(first);
    assertThat(summary.failures().get(first)).hasMessageContaining("no progress");
    assertThat(service.reports(second)).isEmpty();
  }

  @Test
  void aDrainStopsADataCenterWithAStaleListingAndCountsNotFoundApartFromDeleted() {
    Set<String> seeded = new HashSet<>(ids(service.seedSamples(first, 5)));
    service.faults().staleListing(first);
    List<String> handedOut = new ArrayList<>();

    DrainSummary summary = reports.drain(page -> handedOut.addAll(ids(page.reports())));

    assertThat(handedOut).doesNotHaveDuplicates();
    assertThat(new HashSet<>(handedOut)).isEqualTo(seeded);
    assertThat(summary.failures()).containsOnlyKeys(first);
    assertThat(summary.byDataCenter().get(first).deleted()).isEqualTo(5);
    assertThat(service.reports(first)).isEmpty();
  }
}
