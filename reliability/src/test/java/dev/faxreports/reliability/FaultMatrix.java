package dev.faxreports.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faxreports.FaxReports;
import dev.faxreports.ReportsResult;
import dev.faxreports.error.AuthenticationException;
import dev.faxreports.error.DataCenterFailureException;
import dev.faxreports.error.ResponseTooLargeException;
import dev.faxreports.error.TransportException;
import dev.faxreports.model.DataCenter;
import dev.faxreports.model.FaxReport;
import dev.faxreports.testkit.Fault;
import dev.faxreports.testkit.FaultPlan;
import dev.faxreports.testkit.Operation;
import dev.faxreports.testkit.RecordedCall;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fault of the matrix through the facade over one transport and the HTTP fake server: a
 * test per cell, the expectation in its name; then a drain under each fault, where the reports
 * handed over must equal the reports seeded and no delete may come before its handler returned.
 */
abstract class FaultMatrix {

  private Harness harness;
  private FaxReports reports;
  private Set<String> seeded;

  /** The transport's name, {@code feign} or {@code vertx}. */
  protected abstract String transport();

  @BeforeEach
  void start() {
    harness = new Harness();
    seeded = harness.seed(25);
    reports = harness.facade(transport());
  }

  @AfterEach
  void stop() {
    reports.close();
    harness.close();
  }

  private FaultPlan faults() {
    return harness.fake.faults();
  }

  private List<RecordedCall> listCalls(DataCenter dataCenter) {
    return harness.fake.calls(dataCenter, Operation.LIST);
  }

  private void listsEverything() {
    ReportsResult listed = reports.list();
    assertThat(listed.isComplete()).as("complete: %s", listed.failures()).isTrue();
    assertThat(listed.reports()).hasSize(50);
  }

  // ---- one test per cell ---------------------------------------------------------------------

  @Test
  void a503BurstThenSuccessIsRetriedAndEverythingArrives() {
    faults().failNext(DataCenter.DE1, Operation.LIST, 3, Fault.unavailable());
    listsEverything();
    assertThat(listCalls(DataCenter.DE1)).hasSize(4);
  }

  @Test
  void a520IsRetriedAndEverythingArrives() {
    faults().failNext(DataCenter.DE1, Operation.LIST, 1, Fault.unknownError());
    listsEverything();
    assertThat(listCalls(DataCenter.DE1)).hasSize(2);
  }

  @Test
  void retryAfterIsWaitedForBeforeTheRetry() {
    faults().failNext(DataCenter.DE1, Operation.LIST, 1, Fault.unavailable(Duration.ofSeconds(1)));
    listsEverything();
    List<RecordedCall> calls = listCalls(DataCenter.DE1);
    assertThat(Duration.ofNanos(calls.get(1).nanoTime() - calls.get(0).nanoTime()))
        .isGreaterThanOrEqualTo(Duration.ofMillis(950));
  }

  @Test
  void connectionRefusedFailsThatDataCenterClearlyWhileTheOtherAnswers() {
    faults().down(DataCenter.DE1);
    ReportsResult listed = reports.list();
    assertThat(listed.reports()).hasSize(25);
    assertThat(listed.failures().values()).singleElement()
        .isInstanceOfSatisfying(TransportException.class, e -> {
          assertThat(e.requestMaySeeServer()).isFalse();
          assertThat(e.getMessage()).contains("DE1").contains("could not connect");
        });
  }

  @Test
  void aConnectionResetBeforeTheResponseIsRetriedAndEverythingArrives() {
    faults().failNext(DataCenter.DE1, Operation.BULK_GET, 1, Fault.connectionClosedBeforeResponse());
    assertThat(reports.getMany(List.copyOf(seeded)).reports()).hasSize(50);
    assertThat(harness.fake.calls(DataCenter.DE1, Operation.BULK_GET)).hasSize(2);
  }

  @Test
  void aConnectionClosedMidBodyIsRetriedAndEverythingArrives() {
    faults().failNext(DataCenter.DE1, Operation.LIST, 1, Fault.connectionClosedMidBody());
    listsEverything();
  }

  @Test
  void aStallLongerThanTheRequestTimeoutIsCutShortAndRetried() {
    faults().failNext(DataCenter.DE1, Operation.LIST, 1, Fault.delay(Harness.REQUEST_TIMEOUT.multipliedBy(3)));
    listsEverything();
    assertThat(listCalls(DataCenter.DE1)).hasSize(2);
  }

  @Test
  void truncatedJsonIsRetriedAndEverythingArrives() {
    faults().failNext(DataCenter.DE1, Operation.LIST, 1, Fault.truncatedJson());
    listsEverything();
  }

  @Test
  void anHtml502PageIsRetriedAndEverythingArrives() {
    faults().failNext(DataCenter.DE1, Operation.LIST, 1, Fault.htmlErrorPage(502));
    listsEverything();
  }

  @Test
  void a401FailsAtOnceAsAnAuthenticationErrorWithoutRetry() {
    faults().failNext(Operation.LIST, 2, Fault.unauthorized());
    assertThatThrownBy(reports::list).isInstanceOfSatisfying(AuthenticationException.class,
        e -> assertThat(e.failures().keySet()).extracting(DataCenter::name).containsExactly("DE1", "DE2"));
    assertThat(harness.fake.calls(Operation.LIST)).hasSize(2);
  }

  @Test
  void anOversizedAnswerFailsThatDataCenterAtOnceWithoutRetry() {
    faults().failNext(DataCenter.DE1, Operation.LIST, 2, Fault.oversizedBody(32L << 20)); // 16 × the limit
    assertTooLargeOnceWhileTheOtherAnswers();
  }

  @Test
  void aGzipBombFailsThatDataCenterAtOnceWithoutRetry() {
    faults().failNext(DataCenter.DE1, Operation.LIST, 2, Fault.gzipBomb());
    assertTooLargeOnceWhileTheOtherAnswers();
  }

  @Test
  void anEndlessAnswerFailsThatDataCenterAtOnceWithoutRetry() {
    faults().failNext(DataCenter.DE1, Operation.LIST, 2, Fault.endlessBody());
    assertTooLargeOnceWhileTheOtherAnswers();
  }

  private void assertTooLargeOnceWhileTheOtherAnswers() {
    ReportsResult listed = reports.list();
    assertThat(listed.reports()).hasSize(25);
    assertThat(listed.failures().values()).singleElement()
        .isInstanceOfSatisfying(ResponseTooLargeException.class,
            e -> assertThat(e.getMessage()).contains("DE1").contains("retarus.fax.max-response-bytes"));
    assertThat(listCalls(DataCenter.DE1)).hasSize(1);
  }

  @Test
  void gzipEncodedAnswersAreDecodedAndEverythingArrives() {
    faults().failNext(Operation.LIST, 2, Fault.gzipEncoded());
    listsEverything();
  }

  @Test
  void bulkGetWithUnknownIdsReturnsEveryKnownReportEvenFromADataCenterThatRejectsThem() {
    faults().rejectUnknownIdsWith404(DataCenter.DE2);
    List<String> asked = Stream.concat(seeded.stream(), Stream.of("UNKNOWN1", "UNKNOWN2")).toList();
    assertThat(reports.getMany(asked).reports()).extracting(FaxReport::jobId)
        .containsExactlyInAnyOrderElementsOf(seeded);
  }

  @Test
  void oneDataCenterDownGivesAPartialResultNamingIt() {
    faults().down(DataCenter.DE2);
    ReportsResult listed = reports.list();
    assertThat(listed.reports()).hasSize(25);
    assertThat(listed.failures().keySet()).extracting(DataCenter::name).containsExactly("DE2");
  }

  @Test
  void everyDataCenterDownIsAnErrorNamingEach() {
    faults().down(DataCenter.DE1).down(DataCenter.DE2);
    assertThatThrownBy(reports::list).isInstanceOf(DataCenterFailureException.class)
        .hasMessageContaining("DE1").hasMessageContaining("DE2");
  }

  // ---- drain under each fault ------------------------------------------------------------------

  static Stream<Arguments> faultsDuringADrain() {
    return Stream.of(
        cell("a 503 burst", f -> f.failNext(Operation.LIST, 3, Fault.unavailable())
            .failNext(Operation.BULK_DELETE, 3, Fault.unavailable())),
        cell("520", f -> f.failNext(Operation.LIST, 2, Fault.unknownError())
            .failNext(Operation.BULK_DELETE, 2, Fault.unknownError())),
        cell("Retry-After", f -> f.failNext(Operation.BULK_DELETE, 1, Fault.unavailable(Duration.ofSeconds(1)))),
        cell("connection refused", f -> f.down(DataCenter.DE1)),
        cell("a reset before the response", f -> f.failNext(Operation.LIST, 2, Fault.connectionClosedBeforeResponse())
            .failNext(Operation.BULK_DELETE, 2, Fault.connectionClosedBeforeResponse())),
        cell("a connection closed mid-body", f -> f.failNext(Operation.LIST, 2, Fault.connectionClosedMidBody())
            .failNext(Operation.BULK_DELETE, 2, Fault.connectionClosedMidBody())),
        cell("a stall beyond the request timeout", f -> f.failNext(Operation.BULK_DELETE, 1,
            Fault.delay(Harness.REQUEST_TIMEOUT.multipliedBy(3)))),
        cell("truncated JSON", f -> f.failNext(Operation.LIST, 2, Fault.truncatedJson())
            .failNext(Operation.BULK_DELETE, 2, Fault.truncatedJson())),
        cell("an HTML 502 page", f -> f.failNext(Operation.LIST, 2, Fault.htmlErrorPage(502))
            .failNext(Operation.BULK_DELETE, 2, Fault.htmlErrorPage(502))),
        cell("a 401", f -> f.failNext(Operation.LIST, 1, Fault.unauthorized())),
        cell("an oversized listing", f -> f.failNext(Operation.LIST, 1, Fault.oversizedBody(32L << 20))),
        cell("an endless answer to a delete", f -> f.failNext(Operation.BULK_DELETE, 1, Fault.endlessBody())),
        cell("a gzip bomb for a delete", f -> f.failNext(Operation.BULK_DELETE, 1, Fault.gzipBomb())),
        cell("gzip-encoded answers", f -> f.failNext(Operation.LIST, 3, Fault.gzipEncoded())
            .failNext(Operation.BULK_DELETE, 3, Fault.gzipEncoded())),
        cell("bulk requests rejected for unknown IDs", f -> f.rejectUnknownIdsWith404(DataCenter.DE2)),
        cell("one data center down", f -> f.down(DataCenter.DE2)),
        cell("every data center down", f -> f.down(DataCenter.DE1).down(DataCenter.DE2)));
  }

  private static Arguments cell(String name, Consumer<FaultPlan> fault) {
    return Arguments.of(name, fault);
  }

  @ParameterizedTest(name = "drain under {0}: every seeded report is handed over and none is deleted before")
  @MethodSource("faultsDuringADrain")
  void drainUnderAFault(String name, Consumer<FaultPlan> fault) {
    Set<String> all = harness.seed(1_200); // pages of 1000 and a remainder, on top of the 50
    all.addAll(seeded);
    fault.accept(faults());

    // A fault that outlasts the retries fails a run; the next run (as from cron) finds it lifted.
    Harness.Drained drained = harness.drainUntilEmpty(reports, 5, () -> faults()
        .up(DataCenter.DE1).up(DataCenter.DE2));

    assertThat(drained.handedOver()).as("handed over under %s", name).isEqualTo(all);
    assertThat(drained.deletedEarly()).as("deleted before their handler returned").isEmpty();
    assertThat(harness.remaining()).isZero();
  }
}
