package dev.faxreports.internal;

import dev.faxreports.error.NotFoundException;
import dev.faxreports.model.DataCenter;
import dev.faxreports.model.DeletionResult;
import dev.faxreports.model.FaxReport;
import dev.faxreports.observe.Operation;
import dev.faxreports.port.FaxReportsTransport;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Bulk requests to one data center: the IDs in chunks of at most 1000, one chunk after another,
 * each with retries. A chunk the data center rejects as a whole with 404 (Retarus warns that some
 * data centers do when an ID is unknown there) is narrowed — split in halves, down to single IDs —
 * so the reports it does hold are not lost. IDs already settled in another data center are left
 * out of narrowed requests: a job lives in one data center only.
 */
public final class BulkCalls {

  private final FaxReportsTransport transport;
  private final RetryingCaller caller;
  private final int chunkSize;

  public BulkCalls(FaxReportsTransport transport, RetryingCaller caller, int chunkSize) {
    this.transport = transport;
    this.caller = caller;
    this.chunkSize = chunkSize;
  }

  /** The reports {@code dataCenter} has among {@code ids}; found IDs are added to {@code settled}. */
  public CompletableFuture<List<FaxReport>> get(
      DataCenter dataCenter, List<String> ids, Set<String> settled) {
    return inChunks(ids, chunk -> narrowing(chunk, settled,
        part -> caller.call(dataCenter, Operation.BULK_GET, () -> transport.bulkGet(dataCenter, part))
            .thenApply(found -> {
              found.forEach(report -> settled.add(report.jobId()));
              return found;
            }),
        absentId -> List.of()));
  }

  /** {@code dataCenter}'s deletion results for {@code ids}; deleted IDs go into {@code settled}. */
  public CompletableFuture<List<DeletionResult>> delete(
      DataCenter dataCenter, List<String> ids, Set<String> settled) {
    return inChunks(ids, chunk -> narrowing(chunk, settled,
        part -> caller.call(dataCenter, Operation.BULK_DELETE, () -> transport.bulkDelete(dataCenter, part))
            .thenApply(results -> {
              results.stream().filter(DeletionResult::deleted).forEach(r -> settled.add(r.jobId()));
              return results;
            }),
        absentId -> List.of(DeletionResult.notFound(absentId))));
  }

  private <R> CompletableFuture<List<R>> inChunks(
      List<String> ids, Function<List<String>, CompletableFuture<List<R>>> perChunk) {
    CompletableFuture<List<R>> all = CompletableFuture.completedFuture(new ArrayList<>());
    for (List<String> chunk : Chunks.of(ids, chunkSize)) {
      all = all.thenCompose(sofar -> perChunk.apply(chunk).thenApply(more -> append(sofar, more)));
    }
    return all;
  }

  private <R> CompletableFuture<List<R>> narrowing(
      List<String> ids,
      Set<String> settled,
      Function<List<String>, CompletableFuture<List<R>>> send,
      Function<String, List<R>> absent) {
    return send.apply(ids).handle((answer, error) -> {
      if (error == null) {
        return CompletableFuture.completedFuture(answer);
      }
      if (!(Failures.unwrap(error) instanceof NotFoundException)) {
        return CompletableFuture.<List<R>>failedFuture(Failures.unwrap(error));
      }
      List<String> open = ids.stream().filter(id -> !settled.contains(id)).toList();
      if (open.isEmpty()) {
        return CompletableFuture.completedFuture(List.<R>of());
      }
      if (open.size() < ids.size()) {
        return narrowing(open, settled, send, absent); // the culprit may have been a settled ID
      }
      if (open.size() == 1) {
        return CompletableFuture.completedFuture(absent.apply(open.get(0)));
      }
      int half = open.size() / 2;
      return narrowing(open.subList(0, half), settled, send, absent)
          .thenCompose(left -> narrowing(open.subList(half, open.size()), settled, send, absent)
              .thenApply(right -> append(new ArrayList<>(left), right)));
    }).thenCompose(Function.identity());
  }

  private static <R> List<R> append(List<R> sofar, List<R> more) {
    List<R> combined = sofar instanceof ArrayList<R> ? sofar : new ArrayList<>(sofar);
    combined.addAll(more);
    return combined;
  }
}
