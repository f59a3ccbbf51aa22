package dev.faxreports;

import static dev.faxreports.support.Facades.DC1;
import static dev.faxreports.support.Facades.DC2;
import static dev.faxreports.support.Facades.facade;
import static dev.faxreports.support.Reports.EPOCH;
import static dev.faxreports.support.Reports.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faxreports.error.DataCenterFailureException;
import dev.faxreports.error.ServiceUnavailableException;
import dev.faxreports.model.FaxReport;
import dev.faxreports.support.Facades;
import dev.faxreports.support.ManualScheduler;
import dev.faxreports.support.Reports;
import dev.faxreports.support.ScriptedTransport;
import dev.faxreports.support.ScriptedTransport.Op;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class DrainTest {

  private final ScriptedTransport transport = new ScriptedTransport();
  private final FaxReports reports = facade(transport);

  @Test
  void exportsEveryReportOfEveryDataCenterAndEmptiesThem() {
    transport.seed(DC1, Reports.many("A", 2_500, EPOCH));
    transport.seed(DC2, Reports.many("B", 700, EPOCH));
    List<String> exported = new ArrayList<>();

    DrainSummary summary = reports.drain(page -> page.reports().forEach(r -> exported.add(r.jobId())));

    assertThat(exported).hasSize(3_200).doesNotHaveDuplicates();
    assertThat(transport.stored(DC1)).isEmpty();
    assertThat(transport.stored(DC2)).isEmpty();
    assertThat(summary.exported()).isEqualTo(3_200);
    assertThat(summary.acknowledged()).isEqualTo(3_200);
    assertThat(summary.byDataCenter().get(DC1).rounds()).isEqualTo(4); // 1000+1000+500, then empty
    assertThat(summary.isComplete()).isTrue();
  }

  @Test
  void acknowledgesByBulkDeleteOfExactlyTheHandedOverIdsNeverDeleteOldest() {
    transport.seed(DC1, Reports.many("A", 3, EPOCH));

    reports.drain(page -> {});

    assertThat(transport.calls(Op.DELETE_OLDEST)).isEmpty();
    assertThat(transport.calls(DC1, Op.BULK_DELETE)).singleElement()
        .satisfies(c -> assertThat(c.jobIds()).containsExactly("A-0", "A-1", "A-2"));
  }

  @Test
  void aHandlerThatThrowsDeletesNothingAndTheErrorReachesTheCaller() {
    transport.seed(DC1, Reports.many("A", 5, EPOCH));
    transport.seed(DC2, Reports.many("B", 5, EPOCH));

    assertThatThrownBy(() -> reports.drain(page -> {
      throw new IllegalStateException("disk full");
    })).isInstanceOf(IllegalStateException.class).hasMessage("disk full");

    assertThat(transport.calls(Op.BULK_DELETE)).isEmpty();
    assertThat(transport.stored(DC1)).hasSize(5);
    assertThat(transport.stored(DC2)).hasSize(5);
  }

  @Test
  void reportsThatArriveBetweenListAndAcknowledgeAreNotDeleted() {
    transport.seed(DC1, Reports.many("A", 3, EPOCH));
    List<String> exported = new ArrayList<>();
    FaxReport lateArrival = report("LATE", EPOCH.plusSeconds(100));

    reports.drain(page -> {
      page.reports().forEach(r -> exported.add(r.jobId()));
      if (page.round() == 1 && page.dataCenter().equals(DC1)) {
        transport.seed(DC1, lateArrival); // arrives after the listing, before the delete
      }
    });

    assertThat(transport.calls(DC1, Op.BULK_DELETE).get(0).jobIds()).doesNotContain("LATE");
    assertThat(exported).containsExactly("A-0", "A-1", "A-2", "LATE"); // exported next round
  }

  @Test
  void aFailedDeleteIsRedeliveredNextRound() {
    transport.seed(DC1, Reports.many("A", 3, EPOCH));
    transport.failNext(DC1, Op.BULK_DELETE,
        new ServiceUnavailableException("HTTP 503", DC1, 503, null, null, null));
    FaxReports noRetries = Facades.over(transport, new ManualScheduler())
        .retryPolicy(RetryPolicy.noRetries()).build();
    List<String> exported = new CopyOnWriteArrayList<>();

    DrainSummary summary = noRetries.drain(page -> page.reports().forEach(r -> exported.add(r.jobId())));

    // The first delete of DC1 failed: that data center stops, its reports stay for the next drain.
    assertThat(summary.failures()).containsOnlyKeys(DC1);
    assertThat(transport.stored(DC1)).hasSize(3);
    DrainSummary again = noRetries.drain(page -> page.reports().forEach(r -> exported.add(r.jobId())));
    assertThat(again.isComplete()).isTrue();
    assertThat(transport.stored(DC1)).isEmpty();
    assertThat(exported).containsExactly("A-0", "A-1", "A-2", "A-0", "A-1", "A-2");
  }

  @Test
  void idsWhoseDeleteFailedComeBackInTheNextRound() {
    transport.seed(DC1, Reports.many("A", 3, EPOCH));
    transport.failDeletesOf("A-1"); // answered INTERNAL_ERROR, the report stays
    List<List<String>> pages = new ArrayList<>();

    DrainSummary summary = reports.drain(page -> pages.add(Reports.ids(page.reports())));

    assertThat(pages).containsExactly(List.of("A-0", "A-1", "A-2"), List.of("A-1"));
    assertThat(summary.byDataCenter().get(DC1).acknowledged()).isEqualTo(2);
    assertThat(transport.stored(DC1)).containsExactly("A-1");
  }

  @Test
  void aRoundWithoutProgressStopsInsteadOfSpinning() {
    transport.seed(DC1, Reports.many("A", 2, EPOCH));
    transport.failDeletesOf("A-0").failDeletesOf("A-1");
    List<Integer> rounds = new ArrayList<>();

    DrainSummary summary = reports.drain(page -> rounds.add(page.round()));

    assertThat(rounds).containsExactly(1);
    assertThat(summary.failures()).containsOnlyKeys(DC1);
    assertThat(summary.failures().get(DC1)).hasMessageContaining("no progress");
    assertThat(transport.stored(DC1)).containsExactlyInAnyOrder("A-0", "A-1");
  }

  @Test
  void aFailingDataCenterDoesNotStopTheOthers() {
    transport.seed(DC2, Reports.many("B", 1_500, EPOCH));
    transport.failNext(DC1, Op.LIST, new dev.faxreports.error.AuthenticationException("HTTP 401", DC1, 401, null, null));

    DrainSummary summary = reports.drain(page -> {});

    assertThat(summary.failures()).containsOnlyKeys(DC1);
    assertThat(summary.byDataCenter().get(DC2).acknowledged()).isEqualTo(1_500);
    assertThat(transport.stored(DC2)).isEmpty();
  }

  @Test
  void whenEveryDataCenterFailsTheDrainThrows() {
    transport.failNext(DC1, Op.LIST, new dev.faxreports.error.AuthenticationException("HTTP 401", DC1, 401, null, null));
    transport.failNext(DC2, Op.LIST, new dev.faxreports.error.AuthenticationException("HTTP 401", DC2, 401, null, null));

    assertThatThrownBy(() -> reports.drain(page -> {}))
        .isInstanceOf(dev.faxreports.error.AuthenticationException.class)
        .hasMessageContaining("DE1").hasMessageContaining("DE2");
  }

  @Test
  void theSyncDrainCallsTheHandlerOnTheCallingThreadOneAtATime() {
    transport.seed(DC1, Reports.many("A", 2_000, EPOCH));
    transport.seed(DC2, Reports.many("B", 2_000, EPOCH));
    Set<Thread> threads = new HashSet<>();
    int[] concurrent = {0};
    int[] maxConcurrent = {0};

    reports.drain(page -> {
      threads.add(Thread.currentThread());
      maxConcurrent[0] = Math.max(maxConcurrent[0], ++concurrent[0]);
      concurrent[0]--;
    });

    assertThat(threads).containsExactly(Thread.currentThread());
    assertThat(maxConcurrent[0]).isEqualTo(1);
  }

  @Test
  void theAsyncDrainHandsPagesOverOneAtATime() {
    transport.seed(DC1, Reports.many("A", 3_000, EPOCH));
    transport.seed(DC2, Reports.many("B", 3_000, EPOCH));
    java.util.concurrent.atomic.AtomicInteger inHandler = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger overlaps = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      CompletionStage<DrainSummary> drained = reports.async().drain(page -> {
        if (inHandler.incrementAndGet() > 1) {
          overlaps.incrementAndGet();
        }
        Thread.onSpinWait();
        inHandler.decrementAndGet();
      }, pool);

      assertThat(drained.toCompletableFuture().join().exported()).isEqualTo(6_000);
      assertThat(overlaps).hasValue(0);
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void cancellingAnAsyncDrainStopsItWithoutDeletingUnhandledPages() {
    transport.seed(DC1, Reports.many("A", 5, EPOCH));
    List<Runnable> parked = new ArrayList<>();

    CompletableFuture<DrainSummary> drained = reports.async().drain(page -> {}, parked::add);
    drained.cancel(false);
    parked.forEach(Runnable::run); // the handler task runs only after the cancel

    assertThat(transport.calls(Op.BULK_DELETE)).isEmpty();
    assertThat(transport.stored(DC1)).hasSize(5);
  }
}
