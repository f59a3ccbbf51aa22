package dev.faxreports;

import static dev.faxreports.support.Facades.DC1;
import static dev.faxreports.support.Reports.EPOCH;
import static dev.faxreports.support.Reports.report;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faxreports.error.AuthenticationException;
import dev.faxreports.error.DataCenterFailureException;
import dev.faxreports.error.DeadlineExceededException;
import dev.faxreports.error.FaxReportsException;
import dev.faxreports.error.NotFoundException;
import dev.faxreports.error.RequestTimeoutException;
import dev.faxreports.error.ServiceUnavailableException;
import dev.faxreports.error.TransportException;
import dev.faxreports.internal.Failures;
import dev.faxreports.support.ManualScheduler;
import dev.faxreports.support.ScriptedTransport;
import dev.faxreports.support.ScriptedTransport.Op;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** One data center, virtual time: retries are scheduled, never slept. */
class RetryAndTimeoutTest {

  private final ScriptedTransport transport = new ScriptedTransport();
  private final ManualScheduler scheduler = new ManualScheduler();
  private final AsyncFaxReports reports = FaxReports.builder()
      .dataCenters(List.of(DC1))
      .transport(transport)
      .scheduler(scheduler)
      .random(new Random(3))
      .requestTimeout(Duration.ofSeconds(30))
      .deadline(Duration.ofMinutes(2))
      .buildAsync();

  @Test
  void twoUnavailableAnswersThenSuccessTakesThreeCalls() {
    transport.seed(DC1, report("A", EPOCH));
    transport.failNext(DC1, Op.LIST, unavailable(null));
    transport.failNext(DC1, Op.LIST, unavailable(null));

    CompletableFuture<ReportsResult> listing = reports.list().toCompletableFuture();
    scheduler.runUntilIdle();

    assertThat(listing).isCompletedWithValueMatching(r -> r.reports().size() == 1 && r.isComplete());
    assertThat(transport.calls(Op.LIST)).hasSize(3);
  }

  @Test
  void unauthorizedIsAskedOnceAndReportedAsAnAuthenticationError() {
    transport.failNext(DC1, Op.LIST, new AuthenticationException("HTTP 401", DC1, 401, null, null));

    CompletableFuture<ReportsResult> listing = reports.list().toCompletableFuture();
    scheduler.runUntilIdle();

    assertThat(failureOf(listing)).isInstanceOfSatisfying(AuthenticationException.class,
        e -> assertThat(e.failures()).isNotEmpty());
    assertThat(transport.calls(Op.LIST)).hasSize(1);
  }

  @Test
  void notFoundAndBadRequestAreNotRetried() {
    transport.failNext(DC1, Op.FETCH, new FaxReportsException("HTTP 400", DC1, 400, null, null, null));
    CompletableFuture<?> get = reports.get("A").toCompletableFuture();
    scheduler.runUntilIdle();
    assertThat(failureOf(get)).isInstanceOf(DataCenterFailureException.class);
    assertThat(transport.calls(Op.FETCH)).hasSize(1);

    transport.failNext(DC1, Op.LIST, new NotFoundException("HTTP 404", DC1, null, null));
    CompletableFuture<?> listing = reports.list().toCompletableFuture();
    scheduler.runUntilIdle();
    assertThat(failureOf(listing).getCause()).isInstanceOf(NotFoundException.class);
    assertThat(transport.calls(Op.LIST)).hasSize(1);
  }

  @Test
  void retryAfterIsHonoured() {
    transport.failNext(DC1, Op.LIST, unavailable(Duration.ofSeconds(7)));

    CompletableFuture<ReportsResult> listing = reports.list().toCompletableFuture();
    scheduler.advance(Duration.ofMillis(6_999));
    assertThat(transport.calls(Op.LIST)).as("no retry before Retry-After").hasSize(1);
    scheduler.advance(Duration.ofMillis(1));

    assertThat(transport.calls(Op.LIST)).hasSize(2);
    assertThat(listing).isCompleted();
  }

  @Test
  void aRetryAfterLongerThanTheDeadlineLeftStopsAtOnceAndSaysSo() {
    transport.seed(DC1, report("A", EPOCH));
    transport.failNext(DC1, Op.LIST, unavailable(null));
    transport.failNext(DC1, Op.LIST, unavailable(Duration.ofDays(1)));

    CompletableFuture<ReportsResult> listing = reports.list().toCompletableFuture();
    scheduler.runUntilIdle();

    assertThat(transport.calls(Op.LIST)).as("no third try a day later").hasSize(2);
    assertThat(scheduler.elapsed()).isLessThan(Duration.ofSeconds(1));
    assertThat(failureOf(listing).getCause()).isInstanceOf(DeadlineExceededException.class)
        .hasCauseInstanceOf(ServiceUnavailableException.class)
        .hasMessageContaining("the server asked to wait PT24H")
        .hasMessageContaining("left of the overall deadline of PT2M")
        .hasMessageNotContaining("gave up after the overall deadline");
    String left = failureOf(listing).getCause().getMessage().replaceAll(".*longer than the (\\S+) left.*", "$1");
    assertThat(Duration.parse(left)).isBetween(Duration.ofSeconds(119), Duration.ofSeconds(120));
  }

  @Test
  void aBackoffPastTheDeadlineStillNamesTheDeadline() {
    AsyncFaxReports hurried = FaxReports.builder().dataCenters(List.of(DC1)).transport(transport)
        .scheduler(scheduler).random(new Random(3))
        .retryPolicy(new RetryPolicy(5, Duration.ofSeconds(10), Duration.ofSeconds(10), 1.0))
        .deadline(Duration.ofSeconds(3)).buildAsync();
    transport.failNext(DC1, Op.LIST, unavailable(Duration.ofSeconds(1)));

    CompletableFuture<ReportsResult> listing = hurried.list().toCompletableFuture();
    scheduler.runUntilIdle();

    assertThat(failureOf(listing).getCause()).isInstanceOf(DeadlineExceededException.class)
        .hasMessageContaining("overall deadline of PT3S").hasMessageNotContaining("server asked");
  }

  @Test
  void backoffGrowsExponentiallyWithJitter() {
    for (int i = 0; i < 3; i++) {
      transport.failNext(DC1, Op.LIST, unavailable(null));
    }
    CompletableFuture<ReportsResult> listing = reports.list().toCompletableFuture();
    scheduler.runUntilIdle();

    assertThat(listing).isCompleted();
    List<Duration> backoffs = scheduler.requestedDelays().stream()
        .filter(d -> !d.equals(Duration.ofSeconds(30))).toList(); // the rest are request timeouts
    assertThat(backoffs).hasSize(3);
    assertThat(backoffs.get(0)).isBetween(Duration.ofMillis(125), Duration.ofMillis(250));
    assertThat(backoffs.get(1)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
    assertThat(backoffs.get(2)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
  }

  @Test
  void givesUpAfterMaxAttemptsWithTheLastFailure() {
    for (int i = 0; i < 10; i++) {
      transport.failNext(DC1, Op.LIST, unavailable(null));
    }
    CompletableFuture<ReportsResult> listing = reports.list().toCompletableFuture();
    scheduler.runUntilIdle();

    assertThat(transport.calls(Op.LIST)).hasSize(RetryPolicy.DEFAULT.maxAttempts());
    assertThat(failureOf(listing).getCause()).isInstanceOf(ServiceUnavailableException.class);
  }

  @Test
  void aStalledRequestTimesOutAndIsRetriedWhenIdempotent() {
    transport.script(DC1, Op.LIST, CompletableFuture::new); // never answers
    transport.seed(DC1, report("A", EPOCH));

    CompletableFuture<ReportsResult> listing = reports.list().toCompletableFuture();
    scheduler.advance(Duration.ofSeconds(29));
    assertThat(listing).isNotDone();
    scheduler.runUntilIdle();

    assertThat(listing).isCompletedWithValueMatching(r -> r.reports().size() == 1);
    assertThat(transport.calls(Op.LIST)).hasSize(2);
  }

  @Test
  void deleteOldestIsNotRetriedAfterATimeout() {
    transport.script(DC1, Op.DELETE_OLDEST, CompletableFuture::new);

    CompletableFuture<DeletionsResult> deletion = reports.deleteOldest().toCompletableFuture();
    scheduler.runUntilIdle();

    assertThat(failureOf(deletion).getCause()).isInstanceOf(RequestTimeoutException.class);
    assertThat(transport.calls(Op.DELETE_OLDEST)).hasSize(1);
  }

  @Test
  void deleteOldestIsNotRetriedAfterUnavailable() {
    transport.failNext(DC1, Op.DELETE_OLDEST, unavailable(null));

    CompletableFuture<DeletionsResult> deletion = reports.deleteOldest().toCompletableFuture();
    scheduler.runUntilIdle();

    assertThat(deletion).isCompletedExceptionally();
    assertThat(transport.calls(Op.DELETE_OLDEST)).hasSize(1);
  }

  @Test
  void deleteOldestIsRetriedWhenTheConnectionNeverOpened() {
    transport.failNext(DC1, Op.DELETE_OLDEST,
        TransportException.connectFailed(DC1, new java.net.ConnectException("refused")));

    CompletableFuture<DeletionsResult> deletion = reports.deleteOldest().toCompletableFuture();
    scheduler.runUntilIdle();

    assertThat(deletion).isCompleted();
    assertThat(transport.calls(Op.DELETE_OLDEST)).hasSize(2);
  }

  @Test
  void theOverallDeadlineStopsRetries() {
    AsyncFaxReports hurried = FaxReports.builder().dataCenters(List.of(DC1)).transport(transport)
        .scheduler(scheduler).random(new Random(3))
        .retryPolicy(new RetryPolicy(100, Duration.ofSeconds(1), Duration.ofSeconds(1), 1.0))
        .deadline(Duration.ofSeconds(5)).buildAsync();
    for (int i = 0; i < 100; i++) {
      transport.failNext(DC1, Op.LIST, unavailable(null));
    }

    CompletableFuture<ReportsResult> listing = hurried.list().toCompletableFuture();
    scheduler.runUntilIdle();

    assertThat(failureOf(listing).getCause()).isInstanceOf(DeadlineExceededException.class)
        .hasCauseInstanceOf(ServiceUnavailableException.class);
    assertThat(scheduler.elapsed()).isLessThanOrEqualTo(Duration.ofSeconds(5));
    assertThat(transport.calls(Op.LIST).size()).isBetween(5, 11);
  }

  @Test
  void theDeadlineAlsoCutsASingleSlowAttemptShort() {
    AsyncFaxReports hurried = FaxReports.builder().dataCenters(List.of(DC1)).transport(transport)
        .scheduler(scheduler).requestTimeout(Duration.ofSeconds(30))
        .deadline(Duration.ofSeconds(10)).buildAsync();
    transport.script(DC1, Op.LIST, CompletableFuture::new);

    CompletableFuture<ReportsResult> listing = hurried.list().toCompletableFuture();
    scheduler.advance(Duration.ofSeconds(10));

    assertThat(failureOf(listing).getCause()).isInstanceOf(DeadlineExceededException.class);
  }

  @Test
  void aTransportThatThrowsInsteadOfFailingItsStageYieldsACoreError() {
    ScriptedTransport broken = new ScriptedTransport();
    broken.script(DC1, Op.LIST, () -> {
      throw new IllegalStateException("bug in transport");
    });
    AsyncFaxReports facade = FaxReports.builder().dataCenters(List.of(DC1)).transport(broken)
        .scheduler(scheduler).buildAsync();

    CompletableFuture<ReportsResult> listing = facade.list().toCompletableFuture();
    scheduler.runUntilIdle();

    assertThat(failureOf(listing).getCause()).isInstanceOf(FaxReportsException.class)
        .hasMessageContaining("DE1").hasMessageContaining("bug in transport");
  }

  private static ServiceUnavailableException unavailable(Duration retryAfter) {
    return new ServiceUnavailableException("HTTP 503", DC1, 503, null, null, retryAfter);
  }

  static Throwable failureOf(CompletionStage<?> stage) {
    CompletableFuture<?> future = stage.toCompletableFuture();
    assertThat(future).isCompletedExceptionally();
    return future.handle((value, error) -> Failures.unwrap(error)).join();
  }

}
