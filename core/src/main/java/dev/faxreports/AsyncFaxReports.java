package dev.faxreports;

import dev.faxreports.error.DataCenterFailureException;
import dev.faxreports.error.FaxReportsException;
import dev.faxreports.error.InvalidArgumentException;
import dev.faxreports.error.NotFoundException;
import dev.faxreports.internal.BulkCalls;
import dev.faxreports.internal.Chunks;
import dev.faxreports.internal.DaemonThreads;
import dev.faxreports.internal.Drainer;
import dev.faxreports.internal.Failures;
import dev.faxreports.internal.FanOut;
import dev.faxreports.internal.FanOut.Outcomes;
import dev.faxreports.internal.Merge;
import dev.faxreports.internal.Observers;
import dev.faxreports.internal.RetryingCaller;
import dev.faxreports.internal.Validation;
import dev.faxreports.model.DataCenter;
import dev.faxreports.model.DeletionReason;
import dev.faxreports.model.DeletionResult;
import dev.faxreports.model.FaxReport;
import dev.faxreports.observe.Operation;
import dev.faxreports.port.FaxReportsTransport;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The non-blocking view of {@link FaxReports}: the same operations, each returning a {@link
 * CompletionStage}. Every operation asks every configured data center at once and merges the
 * answers; see the class documentation of {@link FaxReports} for the rules.
 *
 * <p>Invalid input fails the returned stage with {@link InvalidArgumentException} before any
 * request is sent.
 */
public final class AsyncFaxReports implements AutoCloseable {

  private final List<DataCenter> dataCenters;
  private final FaxReportsTransport transport;
  private final RetryingCaller caller;
  private final BulkCalls bulk;
  private final Drainer drainer;
  private final boolean strict;
  private final List<AutoCloseable> owned;

  AsyncFaxReports(
      List<DataCenter> dataCenters,
      FaxReportsTransport transport,
      RetryingCaller caller,
      Observers observers,
      boolean strict,
      List<AutoCloseable> owned) {
    this.dataCenters = List.copyOf(dataCenters);
    this.transport = transport;
    this.caller = caller;
    this.bulk = new BulkCalls(transport, caller, FaxReportsTransport.MAX_IDS_PER_REQUEST);
    this.drainer = new Drainer(transport, caller, bulk, this.dataCenters, observers);
    this.strict = strict;
    this.owned = List.copyOf(owned);
  }

  /** The data centers every operation fans out to, in order. */
  public List<DataCenter> dataCenters() {
    return dataCenters;
  }

  /** Each data center's oldest reports (up to 1000 each), merged oldest first. */
  public CompletionStage<ReportsResult> list() {
    return fanOut(dc -> caller.list(dc, () -> transport.listOldest(dc)))
        .thenApply(outcomes -> settle("list", outcomes))
        .thenApply(outcomes -> new ReportsResult(
            Merge.oldestFirst(outcomes.values().values()), outcomes.values(), outcomes.failures()));
  }

  /**
   * The report from whichever data center has it; empty when every data center answered that it
   * does not. Fails with {@link DataCenterFailureException} when it was not found but a data
   * center that might hold it failed.
   */
  public CompletionStage<Optional<FaxReport>> get(String jobId) {
    return validated(() -> Validation.requireJobId(jobId)).thenCompose(id ->
        fanOut(dc -> caller.call(dc, Operation.GET, () -> transport.fetch(dc, id))
                .handle((report, error) -> absentIfNotFound(report, error)))
            .thenApply(outcomes -> {
              Optional<FaxReport> found = outcomes.values().values().stream()
                  .flatMap(Optional::stream).findFirst();
              failIfEveryDataCenterFailed("get " + id, outcomes.failures());
              if (found.isEmpty() && !outcomes.failures().isEmpty()) {
                throw DataCenterFailureException.of(
                    "job " + id + " was not found where asked, and some data centers failed",
                    outcomes.failures());
              }
              return found;
            }));
  }

  /**
   * The reports among {@code jobIds} that any data center has, in the order asked; unknown IDs are
   * left out. Duplicates are asked once, at most 1000 IDs per request; an empty input sends
   * nothing.
   */
  public CompletionStage<ReportsResult> getMany(Collection<String> jobIds) {
    return validated(() -> Chunks.distinct(Validation.requireJobIds(jobIds))).thenCompose(ids -> {
      if (ids.isEmpty()) {
        return CompletableFuture.completedFuture(new ReportsResult(List.of(), Map.of(), Map.of()));
      }
      Set<String> settled = ConcurrentHashMap.newKeySet();
      return fanOut(dc -> bulk.get(dc, ids, settled))
          .thenApply(outcomes -> settle(ids.size() == 1 ? "get " + ids.get(0) : "bulk get of " + count(ids), outcomes))
          .thenApply(outcomes -> new ReportsResult(
              Merge.union(ids, outcomes.values().values()), outcomes.values(), outcomes.failures()));
    });
  }

  /**
   * Deletes the reports of {@code jobIds} in every data center; one merged result per distinct ID.
   * Chunked and de-duplicated like {@link #getMany}.
   */
  public CompletionStage<DeletionsResult> deleteMany(Collection<String> jobIds) {
    return validated(() -> Chunks.distinct(Validation.requireJobIds(jobIds)))
        .thenCompose(this::deleteDistinct);
  }

  /**
   * Deletes one report wherever it is. NOT_FOUND only when every data center said so; fails with
   * {@link DataCenterFailureException} when the outcome is unknown because a data center failed.
   */
  public CompletionStage<DeletionResult> delete(String jobId) {
    return validated(() -> Validation.requireJobId(jobId)).thenCompose(id ->
        fanOut(dc -> caller.call(dc, Operation.DELETE, () -> transport.delete(dc, id))
                .handle((result, error) -> notFoundIfAbsent(id, result, error)))
            .thenApply(outcomes -> {
              failIfEveryDataCenterFailed("delete " + id, outcomes.failures());
              Map<DataCenter, List<DeletionResult>> answers = new java.util.LinkedHashMap<>();
              outcomes.values().forEach((dc, result) -> answers.put(dc, List.of(result)));
              DeletionResult merged = Merge.deletions(List.of(id), answers, outcomes.failures()).get(0);
              if (DeletionReason.DATA_CENTER_FAILED.equals(merged.reason())) {
                throw DataCenterFailureException.of(
                    "whether job " + id + " was deleted is unknown", outcomes.failures());
              }
              return merged;
            }));
  }

  /**
   * Deletes up to the oldest 1000 reports in every data center, unseen. Prefer {@link #drain}:
   * reports that arrived since you last listed are deleted too. Never retried once the request may
   * have reached a data center.
   */
  public CompletionStage<DeletionsResult> deleteOldest() {
    return fanOut(dc -> caller.call(dc, Operation.DELETE_OLDEST, () -> transport.deleteOldest(dc)))
        .thenApply(outcomes -> settle("delete oldest", outcomes))
        .thenApply(outcomes -> {
          List<DeletionResult> all = new ArrayList<>();
          outcomes.values().values().forEach(all::addAll);
          return new DeletionsResult(all, outcomes.values(), outcomes.failures());
        });
  }

  /**
   * Exports every report of every data center to {@code handler} and deletes each page only after
   * the handler returned. Handler calls run one at a time on a thread of this drain's own.
   */
  public CompletionStage<DrainSummary> drain(DrainHandler handler) {
    ExecutorService handlerThread =
        Executors.newSingleThreadExecutor(DaemonThreads.named("faxreports-drain-handler"));
    CompletableFuture<DrainSummary> drained = drain(handler, handlerThread).toCompletableFuture();
    drained.whenComplete((summary, error) -> handlerThread.shutdown());
    return drained;
  }

  /**
   * Like {@link #drain(DrainHandler)}, with handler calls on {@code handlerExecutor} (still one at
   * a time). Cancelling the returned future stops the drain after each data center's current step.
   */
  public CompletableFuture<DrainSummary> drain(DrainHandler handler, Executor handlerExecutor) {
    if (handler == null || handlerExecutor == null) {
      return CompletableFuture.failedFuture(
          new InvalidArgumentException("drain needs a handler and an executor"));
    }
    CompletableFuture<DrainSummary> drained = drainer.drain(handler, handlerExecutor);
    CompletableFuture<DrainSummary> result = drained.thenApply(summary -> {
      settle("drain", summary.failures());
      return summary;
    });
    result.whenComplete((summary, error) -> drained.cancel(false)); // a cancelled result stops the drain
    return result;
  }

  /** Closes the transport and threads this facade created; not a transport it was given. */
  @Override
  public void close() {
    RuntimeException first = null;
    for (AutoCloseable resource : owned) {
      try {
        resource.close();
      } catch (Exception e) {
        if (first == null) {
          first = new FaxReportsException("closing " + resource + " failed: " + e, null,
              FaxReportsException.NO_STATUS, null, null, e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  @Override
  public String toString() {
    return "AsyncFaxReports[dataCenters=" + dataCenters.stream().map(DataCenter::name).toList()
        + ", transport=" + transport.getClass().getSimpleName() + ", strict=" + strict + "]";
  }

  private CompletionStage<DeletionsResult> deleteDistinct(List<String> ids) {
    if (ids.isEmpty()) {
      return CompletableFuture.completedFuture(new DeletionsResult(List.of(), Map.of(), Map.of()));
    }
    Set<String> settled = ConcurrentHashMap.newKeySet();
    return fanOut(dc -> bulk.delete(dc, ids, settled))
        .thenApply(outcomes -> settle("bulk delete of " + count(ids), outcomes))
        .thenApply(outcomes -> new DeletionsResult(
            Merge.deletions(ids, outcomes.values(), outcomes.failures()),
            outcomes.values(), outcomes.failures()));
  }

  private <T> CompletableFuture<Outcomes<T>> fanOut(
      java.util.function.Function<DataCenter, CompletableFuture<T>> call) {
    return FanOut.all(dataCenters, call);
  }

  private <T> Outcomes<T> settle(String operation, Outcomes<T> outcomes) {
    settle(operation, outcomes.failures());
    return outcomes;
  }

  /**
   * Every data center failed: nothing to return (see {@link Failures#everyDataCenter} for the
   * exception's type). Strict mode: any failure is an error.
   */
  private void settle(String operation, Map<DataCenter, FaxReportsException> failures) {
    failIfEveryDataCenterFailed(operation, failures);
    if (strict && !failures.isEmpty()) {
      throw DataCenterFailureException.of(operation + " failed in some data centers", failures);
    }
  }

  /** Get and delete of one job: found or deleted in one data center is the whole answer. */
  private void failIfEveryDataCenterFailed(String operation, Map<DataCenter, FaxReportsException> failures) {
    if (!failures.isEmpty() && failures.size() == dataCenters.size()) {
      throw Failures.everyDataCenter(operation, failures);
    }
  }

  /** "1 job" or "2,500 jobs": the size of a bulk call, for its messages. */
  private static String count(List<String> ids) {
    return ids.size() == 1 ? "1 job" : String.format(java.util.Locale.ROOT, "%,d jobs", ids.size());
  }

  private static <T> CompletableFuture<T> validated(java.util.function.Supplier<T> check) {
    try {
      return CompletableFuture.completedFuture(check.get());
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private static Optional<FaxReport> absentIfNotFound(FaxReport report, Throwable error) {
    if (error == null) {
      return Optional.of(report);
    }
    if (Failures.unwrap(error) instanceof NotFoundException) {
      return Optional.empty();
    }
    throw Failures.rethrow(error);
  }

  private static DeletionResult notFoundIfAbsent(String jobId, DeletionResult result, Throwable error) {
    if (error == null) {
      return result;
    }
    if (Failures.unwrap(error) instanceof NotFoundException) {
      return DeletionResult.notFound(jobId);
    }
    throw Failures.rethrow(error);
  }
}
