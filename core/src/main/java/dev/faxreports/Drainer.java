package dev.faxreports;

import dev.faxreports.DrainSummary.DrainStats;
import dev.faxreports.error.FaxReportsException;
import dev.faxreports.RetryingCaller.Idempotency;
import dev.faxreports.model.DataCenter;
import dev.faxreports.model.DeletionResult;
import dev.faxreports.model.FaxReport;
import dev.faxreports.port.FaxReportsTransport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Exports every report and deletes only what was handed over. Each data center runs its own loop,
 * all at once: list a page → hand it to the handler → only after the handler returned, bulk-delete
 * exactly those IDs → again, until a listing comes back empty.
 *
 * <p>Reports that arrive between listing and deleting are not deleted (the delete names IDs; it is
 * never delete-oldest). IDs whose delete failed are listed again next round: delivery is
 * at-least-once. A round in which nothing could be deleted stops that data center instead of
 * handing out the same page forever.
 */
final class Drainer {

  private final FaxReportsTransport transport;
  private final RetryingCaller caller;
  private final BulkCalls bulk;
  private final List<DataCenter> dataCenters;

  public Drainer(
      FaxReportsTransport transport, RetryingCaller caller, BulkCalls bulk,
      List<DataCenter> dataCenters) {
    this.transport = transport;
    this.caller = caller;
    this.bulk = bulk;
    this.dataCenters = dataCenters;
  }

  /**
   * Drains every data center; pages reach {@code handler} one at a time through {@code
   * handlerExecutor}. Cancelling the returned future stops each data center after its current step;
   * a page whose handler has not returned is never deleted.
   */
  public CompletableFuture<DrainSummary> drain(DrainHandler handler, Executor handlerExecutor) {
    Run run = new Run(handler, new SerialExecutor(handlerExecutor));
    CompletableFuture<DrainSummary> result = new CompletableFuture<>();
    result.whenComplete((summary, error) -> run.stop());
    FanOut.all(dataCenters, dataCenter -> run.loop(dataCenter, run.statsOf(dataCenter), 1))
        .whenComplete((outcomes, error) -> {
          Throwable handlerFailure = run.handlerFailure.get();
          if (handlerFailure != null) {
            result.completeExceptionally(handlerFailure);
          } else if (error != null) {
            result.completeExceptionally(error);
          } else {
            result.complete(run.summary(outcomes.failures()));
          }
        });
    return result;
  }

  /** One drain's shared state. */
  private final class Run {
    private final DrainHandler handler;
    private final Executor handlerExecutor;
    private final Map<DataCenter, Stats> stats = new ConcurrentHashMap<>();
    private final AtomicReference<Throwable> handlerFailure = new AtomicReference<>();
    private volatile boolean stopped;

    Run(DrainHandler handler, Executor handlerExecutor) {
      this.handler = handler;
      this.handlerExecutor = handlerExecutor;
    }

    void stop() {
      stopped = true;
    }

    Stats statsOf(DataCenter dataCenter) {
      return stats.computeIfAbsent(dataCenter, dc -> new Stats());
    }

    CompletableFuture<Void> loop(DataCenter dataCenter, Stats stats, int round) {
      if (stopped) {
        return CompletableFuture.completedFuture(null);
      }
      stats.rounds = round;
      return caller.call(dataCenter, Idempotency.IDEMPOTENT, () -> transport.listOldest(dataCenter))
          .thenCompose(page -> page.isEmpty() || stopped
              ? CompletableFuture.completedFuture(null)
              : handOver(dataCenter, page, round)
                  .thenCompose(handed -> acknowledge(dataCenter, stats, page))
                  .thenCompose(next -> loop(dataCenter, stats, round + 1)));
    }

    private CompletableFuture<Void> handOver(DataCenter dataCenter, List<FaxReport> page, int round) {
      return CompletableFuture.runAsync(() -> {
        if (stopped) {
          throw new DrainStoppedException();
        }
        try {
          handler.handle(new DrainPage(dataCenter, page, round));
        } catch (RuntimeException | Error e) {
          handlerFailure.compareAndSet(null, e);
          stopped = true;
          throw e;
        }
      }, handlerExecutor).exceptionally(error -> {
        throw new DrainStoppedException(); // this data center stops; the cause is recorded above
      });
    }

    private CompletableFuture<Void> acknowledge(
        DataCenter dataCenter, Stats stats, List<FaxReport> page) {
      stats.exported += page.size();
      List<String> ids = Chunks.distinct(page.stream().map(FaxReport::jobId).toList());
      Set<String> handedOver = Set.copyOf(ids);
      return bulk.delete(dataCenter, ids, ConcurrentHashMap.newKeySet()).thenAccept(results -> {
        long gone = results.stream()
            .filter(r -> r.isGone() && handedOver.contains(r.jobId()))
            .map(DeletionResult::jobId)
            .distinct()
            .count();
        stats.acknowledged += gone;
        if (gone == 0) {
          throw new FaxReportsException("drain made no progress: " + ids.size()
              + " reports were handed over but none could be deleted; stopping instead of"
              + " handing them out again", dataCenter, FaxReportsException.NO_STATUS, null, null, null);
        }
      });
    }

    DrainSummary summary(Map<DataCenter, FaxReportsException> failures) {
      Map<DataCenter, DrainStats> byDataCenter = new LinkedHashMap<>();
      Map<DataCenter, FaxReportsException> realFailures = new LinkedHashMap<>();
      for (DataCenter dataCenter : dataCenters) {
        Stats s = statsOf(dataCenter);
        byDataCenter.put(dataCenter, new DrainStats(s.exported, s.acknowledged, s.rounds));
        FaxReportsException failure = failures.get(dataCenter);
        if (failure != null && !(failure instanceof DrainStoppedException)) {
          realFailures.put(dataCenter, failure);
        }
      }
      return new DrainSummary(byDataCenter, realFailures);
    }
  }

  /** Counts of one data center, written only by its own loop. */
  private static final class Stats {
    volatile long exported;
    volatile long acknowledged;
    volatile int rounds;
  }

  /** Ends a data center's loop because the drain was stopped, not because the data center failed. */
  private static final class DrainStoppedException extends FaxReportsException {
    private static final long serialVersionUID = 1L;

    DrainStoppedException() {
      super("drain stopped");
    }
  }
}
