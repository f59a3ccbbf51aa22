package dev.faxreports.internal;

import dev.faxreports.DrainHandler;
import dev.faxreports.DrainPage;
import dev.faxreports.DrainSummary;
import dev.faxreports.DrainSummary.DrainStats;
import dev.faxreports.error.FaxReportsException;
import dev.faxreports.model.DataCenter;
import dev.faxreports.model.DeletionResult;
import dev.faxreports.model.FaxReport;
import dev.faxreports.observe.DeleteFailed;
import dev.faxreports.observe.DrainFinished;
import dev.faxreports.observe.DrainObserver;
import dev.faxreports.observe.PageAcknowledged;
import dev.faxreports.observe.PageExported;
import dev.faxreports.port.FaxReportsTransport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
 * handing out the same page forever, and so does a data center that keeps listing reports it
 * acknowledged ({@link RecentAcknowledgements}): within one run no report is handed out twice
 * unless its delete failed.
 */
public final class Drainer {

  private final FaxReportsTransport transport;
  private final RetryingCaller caller;
  private final BulkCalls bulk;
  private final List<DataCenter> dataCenters;
  private final Observers observers;

  public Drainer(
      FaxReportsTransport transport, RetryingCaller caller, BulkCalls bulk,
      List<DataCenter> dataCenters, Observers observers) {
    this.observers = observers;
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
    DrainObserver observer = observers.drainStarted(dataCenters);
    Run run = new Run(handler, new SerialExecutor(handlerExecutor), observer);
    CompletableFuture<DrainSummary> result = new CompletableFuture<>();
    java.util.concurrent.atomic.AtomicBoolean told = new java.util.concurrent.atomic.AtomicBoolean();
    // The observer hears of the end before the caller does (a caller reading the meters right after
    // drain() returns must see the drain finished), or, for a drain cancelled by the caller, then.
    java.util.function.BiConsumer<DrainSummary, Throwable> finish = (summary, error) -> {
      run.stop();
      if (observer != DrainObserver.NONE && told.compareAndSet(false, true)) {
        observer.finished(summary == null
            ? new DrainFinished(run.exported(), run.acknowledged(), Map.of(), Failures.unwrap(error))
            : new DrainFinished(summary.exported(), summary.acknowledged(), summary.failures(), null));
      }
    };
    result.whenComplete(finish);
    FanOut.all(dataCenters, dataCenter -> run.loop(dataCenter, run.statsOf(dataCenter), 1))
        .whenComplete((outcomes, error) -> {
          Throwable handlerFailure = run.handlerFailure.get();
          Throwable failure = handlerFailure != null ? handlerFailure : error;
          if (failure != null) {
            finish.accept(null, failure);
            result.completeExceptionally(failure);
          } else {
            DrainSummary summary = run.summary(outcomes.failures());
            finish.accept(summary, null);
            result.complete(summary);
          }
        });
    return result;
  }

  /** One drain's shared state. */
  private final class Run {
    private final DrainHandler handler;
    private final Executor handlerExecutor;
    private final DrainObserver observer;
    private final Map<DataCenter, Stats> stats = new ConcurrentHashMap<>();
    private final AtomicReference<Throwable> handlerFailure = new AtomicReference<>();
    private volatile boolean stopped;

    Run(DrainHandler handler, Executor handlerExecutor, DrainObserver observer) {
      this.handler = handler;
      this.handlerExecutor = handlerExecutor;
      this.observer = observer;
    }

    long exported() {
      return stats.values().stream().mapToLong(s -> s.exported).sum();
    }

    long acknowledged() {
      return stats.values().stream().mapToLong(s -> s.deleted + s.alreadyGone).sum();
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
      return caller.list(dataCenter, () -> transport.listOldest(dataCenter))
          .thenCompose(page -> {
            if (page.isEmpty() || stopped) {
              return CompletableFuture.completedFuture(null);
            }
            RecentAcknowledgements.Listing listing = stats.recent.sort(page, round);
            requireProgressOnRelisted(dataCenter, listing);
            CompletableFuture<Void> handed = listing.fresh().isEmpty()
                ? CompletableFuture.completedFuture(null)
                : handOver(dataCenter, listing.fresh(), round);
            return handed
                .thenCompose(done -> acknowledge(dataCenter, stats, listing, round))
                .thenCompose(next -> loop(dataCenter, stats, round + 1));
          });
    }

    /** Stops a data center that lists nothing but reports it keeps after acknowledging them. */
    private void requireProgressOnRelisted(DataCenter dataCenter, RecentAcknowledgements.Listing listing) {
      if (listing.onlyStuck()) {
        throw new FaxReportsException("drain made no progress: " + listing.stuck().size()
            + " reports were listed again after their deletion was acknowledged (deleted or not"
            + " found), and deleting them again did not remove them, e.g. "
            + sample(listing.stuck()) + "; the data center is not removing them, so its drain"
            + " stops here rather than exporting them again (they were exported once already)",
            dataCenter, FaxReportsException.NO_STATUS, null, null, null);
      }
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
        observer.pageExported(new PageExported(dataCenter, round, page.size()));
      }, handlerExecutor).exceptionally(error -> {
        throw new DrainStoppedException(); // this data center stops; the cause is recorded above
      });
    }

    /**
     * Deletes the reports just handed over, and once more those acknowledged before that came
     * back (harmless if the listing was merely stale). Only the handed-over ones count.
     */
    private CompletableFuture<Void> acknowledge(
        DataCenter dataCenter, Stats stats, RecentAcknowledgements.Listing listing, int round) {
      List<FaxReport> fresh = listing.fresh();
      Set<String> handedOver = new LinkedHashSet<>();
      fresh.forEach(report -> handedOver.add(report.jobId()));
      stats.exported += handedOver.size(); // an ID handed out in two different copies counts once
      List<String> ids = new ArrayList<>(handedOver.size() + listing.deleteAgain().size());
      ids.addAll(handedOver);
      ids.addAll(listing.deleteAgain());
      CompletableFuture<List<DeletionResult>> deleting = bulk.delete(dataCenter, ids, ConcurrentHashMap.newKeySet());
      if (observer != DrainObserver.NONE && !fresh.isEmpty()) {
        deleting.whenComplete((results, error) -> {
          if (error != null) {
            observer.deleteFailed(new DeleteFailed(dataCenter, round, handedOver.size(),
                Failures.normalize(error, dataCenter)));
          }
        });
      }
      return deleting.thenAccept(results -> {
        long deleted = 0;
        long alreadyGone = 0;
        for (DeletionResult result : results) {
          if (result.isGone() && handedOver.remove(result.jobId())) { // each ID counts once
            stats.recent.acknowledged(result.jobId(), round);
            if (result.deleted()) {
              deleted++;
            } else {
              alreadyGone++;
            }
          }
        }
        stats.deleted += deleted;
        stats.alreadyGone += alreadyGone;
        if (observer != DrainObserver.NONE && !fresh.isEmpty()) {
          observer.pageAcknowledged(new PageAcknowledged(dataCenter, round, deleted, alreadyGone));
          if (!handedOver.isEmpty()) { // left: handed over, but the data center did not let them go
            observer.deleteFailed(new DeleteFailed(dataCenter, round, handedOver.size(), null));
          }
        }
        if (!fresh.isEmpty() && deleted + alreadyGone == 0) {
          throw new FaxReportsException("drain made no progress: " + fresh.size()
              + " reports were handed over but none could be deleted; stopping instead of"
              + " handing them out again", dataCenter, FaxReportsException.NO_STATUS, null, null, null);
        }
      });
    }

    private static String sample(List<String> ids) {
      return String.join(", ", ids.subList(0, Math.min(3, ids.size())))
          + (ids.size() > 3 ? ", …" : "");
    }

    DrainSummary summary(Map<DataCenter, FaxReportsException> failures) {
      Map<DataCenter, DrainStats> byDataCenter = new LinkedHashMap<>();
      Map<DataCenter, FaxReportsException> realFailures = new LinkedHashMap<>();
      for (DataCenter dataCenter : dataCenters) {
        Stats s = statsOf(dataCenter);
        byDataCenter.put(dataCenter, new DrainStats(s.exported, s.deleted, s.alreadyGone, s.rounds));
        FaxReportsException failure = failures.get(dataCenter);
        if (failure != null && !(failure instanceof DrainStoppedException)) {
          realFailures.put(dataCenter, failure);
        }
      }
      return new DrainSummary(byDataCenter, realFailures);
    }
  }

  /** Counts and memory of one data center, written only by its own loop. */
  private static final class Stats {
    final RecentAcknowledgements recent = new RecentAcknowledgements();
    volatile long exported;
    volatile long deleted;
    volatile long alreadyGone;
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
