package dev.faxreports;

import static dev.faxreports.support.Facades.DC1;
import static dev.faxreports.support.Facades.DC2;
import static dev.faxreports.support.Reports.EPOCH;
import static dev.faxreports.support.Reports.report;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faxreports.error.AuthenticationException;
import dev.faxreports.error.NotFoundException;
import dev.faxreports.error.ServiceUnavailableException;
import dev.faxreports.observe.DataCenterFailed;
import dev.faxreports.observe.DeleteFailed;
import dev.faxreports.observe.DrainFinished;
import dev.faxreports.observe.DrainStarted;
import dev.faxreports.observe.FaxReportsObserver;
import dev.faxreports.observe.Operation;
import dev.faxreports.observe.Outcome;
import dev.faxreports.observe.PageAcknowledged;
import dev.faxreports.observe.PageExported;
import dev.faxreports.observe.PageListed;
import dev.faxreports.observe.RequestFinished;
import dev.faxreports.observe.RequestObserver;
import dev.faxreports.observe.RequestStarted;
import dev.faxreports.observe.RetryScheduled;
import dev.faxreports.port.ResponseSizes;
import dev.faxreports.support.Facades;
import dev.faxreports.support.ManualScheduler;
import dev.faxreports.support.RecordingObserver;
import dev.faxreports.support.ScriptedTransport;
import dev.faxreports.support.ScriptedTransport.Op;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** What the facade tells its observers: every attempt, retry, failure, listing and drain step. */
class ObserverEventsTest {

  private final ScriptedTransport transport = new ScriptedTransport();
  private final ManualScheduler scheduler = new ManualScheduler();
  private final RecordingObserver observer = new RecordingObserver();

  private AsyncFaxReports facade(FaxReportsObserver... observers) {
    FaxReportsBuilder builder = Facades.over(transport, scheduler).dataCenters(List.of(DC1));
    for (FaxReportsObserver o : observers) {
      builder.observer(o);
    }
    return builder.buildAsync();
  }

  @Test
  void everyAttemptRetryAndTheListingAreReported() {
    transport.seed(DC1, report("A", EPOCH.plusSeconds(60)), report("B", EPOCH));
    transport.failNext(DC1, Op.LIST, unavailable());
    transport.failNext(DC1, Op.LIST, unavailable());

    CompletableFuture<ReportsResult> listing = facade(observer).list().toCompletableFuture();
    scheduler.runUntilIdle();

    assertThat(listing).isCompleted();
    assertThat(observer.of(RequestStarted.class)).extracting(RequestStarted::attempt).containsExactly(1, 2, 3);
    assertThat(observer.of(RequestFinished.class)).extracting(RequestFinished::outcome)
        .containsExactly(Outcome.SERVER_ERROR, Outcome.SERVER_ERROR, Outcome.SUCCESS);
    assertThat(observer.of(RequestFinished.class)).allSatisfy(f -> {
      assertThat(f.dataCenter()).isEqualTo(DC1);
      assertThat(f.operation()).isEqualTo(Operation.LIST);
    });
    assertThat(observer.of(RequestFinished.class).get(0).status()).isEqualTo(503);
    assertThat(observer.of(RetryScheduled.class)).hasSize(2).allSatisfy(r -> {
      assertThat(r.reason()).isEqualTo(Outcome.SERVER_ERROR);
      assertThat(r.delay()).isPositive();
    });
    assertThat(observer.of(RetryScheduled.class)).extracting(RetryScheduled::nextAttempt).containsExactly(2, 3);
    assertThat(observer.of(PageListed.class)).containsExactly(new PageListed(DC1, 2, EPOCH));
    assertThat(observer.of(DataCenterFailed.class)).isEmpty();
  }

  @Test
  void aDataCenterThatFailsForGoodIsReportedOnceButNotFoundIsAnAnswer() {
    AsyncFaxReports reports = facade(observer);
    transport.failNext(DC1, Op.LIST, new AuthenticationException("HTTP 401", DC1, 401, null, null));
    reports.list();
    transport.failNext(DC1, Op.FETCH, new NotFoundException("HTTP 404", DC1, null, null));
    reports.get("X");
    scheduler.runUntilIdle();

    assertThat(observer.of(DataCenterFailed.class)).singleElement().satisfies(f -> {
      assertThat(f.operation()).isEqualTo(Operation.LIST);
      assertThat(f.reason()).isEqualTo(Outcome.AUTH);
      assertThat(f.attempts()).isEqualTo(1);
    });
    assertThat(observer.of(RequestFinished.class)).extracting(RequestFinished::outcome, RequestFinished::status)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Outcome.AUTH, 401),
            org.assertj.core.groups.Tuple.tuple(Outcome.CLIENT_ERROR, 404));
  }

  @Test
  void aDrainReportsEachPageItsAcknowledgementAndItsEnd() {
    transport.seed(DC1, report("A", EPOCH), report("B", EPOCH.plusSeconds(1)), report("C", EPOCH.plusSeconds(2)));
    transport.failDeletesOf("C");
    AsyncFaxReports reports = facade(observer);

    CompletableFuture<DrainSummary> drained = reports.drain(page -> {}, Runnable::run);
    scheduler.runUntilIdle();

    assertThat(drained).isDone(); // C's delete fails every time: the drain stops without progress
    assertThat(observer.of(DrainStarted.class)).containsExactly(new DrainStarted(List.of(DC1)));
    assertThat(observer.of(PageExported.class).get(0)).isEqualTo(new PageExported(DC1, 1, 3));
    assertThat(observer.of(PageAcknowledged.class).get(0)).isEqualTo(new PageAcknowledged(DC1, 1, 2, 0));
    assertThat(observer.of(DeleteFailed.class).get(0)).isEqualTo(new DeleteFailed(DC1, 1, 1, null));
    DrainFinished finished = observer.of(DrainFinished.class).get(0);
    assertThat(finished.exported())
        .isEqualTo(observer.of(PageExported.class).stream().mapToLong(PageExported::reports).sum());
    assertThat(finished.acknowledged()).isEqualTo(2);
    assertThat(finished.failedDataCenters()).containsOnlyKeys(DC1);
    assertThat(observer.events.get(observer.events.size() - 1)).isInstanceOf(DrainFinished.class);
  }

  @Test
  void aThrowingObserverBreaksNothingAndTheOthersStillHearEverything() {
    transport.seed(DC1, report("A", EPOCH));
    AtomicInteger calls = new AtomicInteger();
    FaxReportsObserver broken = new FaxReportsObserver() {
      @Override
      public RequestObserver requestStarted(RequestStarted request) {
        calls.incrementAndGet();
        throw new IllegalStateException("broken observer");
      }

      @Override
      public void pageListed(PageListed page) {
        calls.incrementAndGet();
        throw new IllegalStateException("broken observer");
      }
    };
    AsyncFaxReports reports = facade(broken, observer);

    CompletableFuture<ReportsResult> first = reports.list().toCompletableFuture();
    CompletableFuture<ReportsResult> second = reports.list().toCompletableFuture();
    scheduler.runUntilIdle();

    assertThat(first.join().reports()).hasSize(1);
    assertThat(second.join().reports()).hasSize(1);
    assertThat(calls).hasValue(4); // still called after failing
    assertThat(observer.of(RequestFinished.class)).hasSize(2);
    assertThat(observer.of(PageListed.class)).hasSize(2);
  }

  @Test
  void aTransportThatReportsSizesHasThemInTheEvent() {
    transport.script(DC1, Op.LIST, () -> {
      ResponseSizes.current().received(200, 1234);
      return CompletableFuture.completedFuture(List.of());
    });
    facade(observer).list();
    scheduler.runUntilIdle();

    RequestFinished finished = observer.of(RequestFinished.class).get(0);
    assertThat(finished.status()).isEqualTo(200);
    assertThat(finished.bytes()).isEqualTo(1234);
    assertThat(finished.duration()).isEqualTo(Duration.ZERO); // virtual time stood still
  }

  @Test
  void withoutObserversTransportsGetNoSink() {
    AtomicReference<ResponseSizes.Sink> seen = new AtomicReference<>();
    transport.script(DC1, Op.LIST, () -> {
      seen.set(ResponseSizes.current());
      return CompletableFuture.completedFuture(List.of());
    });
    facade().list();
    scheduler.runUntilIdle();

    assertThat(seen.get()).isSameAs(ResponseSizes.Sink.NONE);
    assertThat(ResponseSizes.current()).isSameAs(ResponseSizes.Sink.NONE); // nothing left behind
  }

  @Test
  void drainsOverTwoDataCentersReportBoth() {
    transport.seed(DC1, report("A", EPOCH));
    transport.seed(DC2, report("B", EPOCH));
    AsyncFaxReports reports = Facades.over(transport, scheduler).observer(observer).buildAsync();

    reports.drain(page -> {}, Runnable::run);
    scheduler.runUntilIdle();

    assertThat(observer.of(PageExported.class)).extracting(PageExported::dataCenter)
        .containsExactlyInAnyOrder(DC1, DC2);
    assertThat(observer.of(PageListed.class)).extracting(PageListed::size)
        .containsExactlyInAnyOrder(1, 1, 0, 0); // a page each, then an empty listing each
  }

  private static ServiceUnavailableException unavailable() {
    return new ServiceUnavailableException("HTTP 503", DC1, 503, null, null, null);
  }
}
