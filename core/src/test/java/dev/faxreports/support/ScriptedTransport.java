package dev.faxreports.support;

import dev.faxreports.error.NotFoundException;
import dev.faxreports.model.DataCenter;
import dev.faxreports.model.DeletionResult;
import dev.faxreports.model.FaxReport;
import dev.faxreports.port.FaxReportsTransport;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A hand-written double of the SPI for core tests: each data center has a store that behaves like
 * the service (oldest first, 1000 per page, unknown IDs omitted or NOT_FOUND), and the test can
 * script the next answers of an operation (a failure, a held call) and read every call made.
 */
public final class ScriptedTransport implements FaxReportsTransport {

  public enum Op { LIST, DELETE_OLDEST, FETCH, DELETE, BULK_GET, BULK_DELETE }

  /** One call the transport received. */
  public record Call(DataCenter dataCenter, Op op, List<String> jobIds) {}

  private final Map<DataCenter, LinkedHashMap<String, FaxReport>> stores = new ConcurrentHashMap<>();
  private final Map<String, Deque<Supplier<CompletionStage<?>>>> scripts = new ConcurrentHashMap<>();
  private final Set<DataCenter> rejectsUnknownIdsWith404 = ConcurrentHashMap.newKeySet();
  private final List<Call> calls = new ArrayList<>();
  private final Set<String> failingDeletes = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  // ---- set-up --------------------------------------------------------------------------------

  public ScriptedTransport seed(DataCenter dataCenter, FaxReport... reports) {
    return seed(dataCenter, List.of(reports));
  }

  public synchronized ScriptedTransport seed(DataCenter dataCenter, Collection<FaxReport> reports) {
    var store = stores.computeIfAbsent(dataCenter, dc -> new LinkedHashMap<>());
    reports.forEach(r -> store.put(r.jobId(), r));
    return this;
  }

  /** The next answer of {@code op} at {@code dataCenter} is {@code answer} instead of the store's. */
  public ScriptedTransport script(DataCenter dataCenter, Op op, Supplier<CompletionStage<?>> answer) {
    scripts.computeIfAbsent(key(dataCenter, op), k -> new ArrayDeque<>()).add(answer);
    return this;
  }

  public ScriptedTransport failNext(DataCenter dataCenter, Op op, RuntimeException failure) {
    return script(dataCenter, op, () -> CompletableFuture.failedFuture(failure));
  }

  /** The next call of {@code op} stays in flight until the returned future is completed. */
  public CompletableFuture<Void> holdNext(DataCenter dataCenter, Op op) {
    CompletableFuture<Void> gate = new CompletableFuture<>();
    script(dataCenter, op, () -> gate.thenCompose(go -> answerFromStore(dataCenter, op, lastIds(dataCenter, op))));
    return gate;
  }

  /** A data center that fails a whole bulk request with 404 when any ID in it is unknown there. */
  public ScriptedTransport rejectUnknownIdsWith404(DataCenter dataCenter) {
    rejectsUnknownIdsWith404.add(dataCenter);
    return this;
  }

  /** Bulk deletes of this ID answer INTERNAL_ERROR and keep the report. */
  public ScriptedTransport failDeletesOf(String jobId) {
    failingDeletes.add(jobId);
    return this;
  }

  // ---- inspection ----------------------------------------------------------------------------

  public synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  public synchronized List<Call> calls(Op op) {
    return calls.stream().filter(c -> c.op == op).toList();
  }

  public synchronized List<Call> calls(DataCenter dataCenter, Op op) {
    return calls.stream().filter(c -> c.op == op && c.dataCenter.equals(dataCenter)).toList();
  }

  public synchronized Set<String> stored(DataCenter dataCenter) {
    return new HashSet<>(stores.getOrDefault(dataCenter, new LinkedHashMap<>()).keySet());
  }

  public boolean isClosed() {
    return closed;
  }

  // ---- the SPI -------------------------------------------------------------------------------

  @Override
  public CompletionStage<List<FaxReport>> listOldest(DataCenter dataCenter) {
    return answer(dataCenter, Op.LIST, List.of());
  }

  @Override
  public CompletionStage<List<DeletionResult>> deleteOldest(DataCenter dataCenter) {
    return answer(dataCenter, Op.DELETE_OLDEST, List.of());
  }

  @Override
  public CompletionStage<FaxReport> fetch(DataCenter dataCenter, String jobId) {
    return answer(dataCenter, Op.FETCH, List.of(jobId));
  }

  @Override
  public CompletionStage<DeletionResult> delete(DataCenter dataCenter, String jobId) {
    return answer(dataCenter, Op.DELETE, List.of(jobId));
  }

  @Override
  public CompletionStage<List<FaxReport>> bulkGet(DataCenter dataCenter, List<String> jobIds) {
    return answer(dataCenter, Op.BULK_GET, jobIds);
  }

  @Override
  public CompletionStage<List<DeletionResult>> bulkDelete(DataCenter dataCenter, List<String> jobIds) {
    return answer(dataCenter, Op.BULK_DELETE, jobIds);
  }

  @Override
  public void close() {
    closed = true;
  }

  // ---- behaviour -----------------------------------------------------------------------------

  @SuppressWarnings("unchecked")
  private <T> CompletionStage<T> answer(DataCenter dataCenter, Op op, List<String> ids) {
    Supplier<CompletionStage<?>> scripted;
    synchronized (this) {
      calls.add(new Call(dataCenter, op, List.copyOf(ids)));
      Deque<Supplier<CompletionStage<?>>> queue = scripts.get(key(dataCenter, op));
      scripted = queue == null ? null : queue.poll();
    }
    return scripted != null ? (CompletionStage<T>) scripted.get() : answerFromStore(dataCenter, op, ids);
  }

  @SuppressWarnings("unchecked")
  private synchronized <T> CompletionStage<T> answerFromStore(DataCenter dataCenter, Op op, List<String> ids) {
    var store = stores.computeIfAbsent(dataCenter, dc -> new LinkedHashMap<>());
    boolean anyUnknown = ids.stream().anyMatch(id -> !store.containsKey(id));
    Object result;
    switch (op) {
      case LIST -> result = store.values().stream().limit(MAX_IDS_PER_REQUEST).toList();
      case DELETE_OLDEST -> {
        List<DeletionResult> deleted = new ArrayList<>();
        for (String id : store.keySet().stream().limit(MAX_IDS_PER_REQUEST).toList()) {
          store.remove(id);
          deleted.add(DeletionResult.deleted(id));
        }
        result = deleted;
      }
      case FETCH -> {
        FaxReport report = store.get(ids.get(0));
        if (report == null) {
          return CompletableFuture.failedFuture(notFound(dataCenter));
        }
        result = report;
      }
      case DELETE -> {
        if (store.remove(ids.get(0)) == null) {
          return CompletableFuture.failedFuture(notFound(dataCenter));
        }
        result = DeletionResult.deleted(ids.get(0));
      }
      case BULK_GET -> {
        if (anyUnknown && rejectsUnknownIdsWith404.contains(dataCenter)) {
          return CompletableFuture.failedFuture(notFound(dataCenter));
        }
        result = ids.stream().filter(store::containsKey).map(store::get).toList();
      }
      case BULK_DELETE -> {
        if (anyUnknown && rejectsUnknownIdsWith404.contains(dataCenter)) {
          return CompletableFuture.failedFuture(notFound(dataCenter));
        }
        List<DeletionResult> results = new ArrayList<>();
        for (String id : ids) {
          if (failingDeletes.contains(id) && store.containsKey(id)) {
            results.add(DeletionResult.failed(id, dev.faxreports.model.DeletionReason.INTERNAL_ERROR));
          } else {
            results.add(store.remove(id) != null ? DeletionResult.deleted(id) : DeletionResult.notFound(id));
          }
        }
        result = results;
      }
      default -> throw new IllegalStateException(op.name());
    }
    return CompletableFuture.completedFuture((T) result);
  }

  private synchronized List<String> lastIds(DataCenter dataCenter, Op op) {
    List<Call> matching = calls(dataCenter, op);
    return matching.isEmpty() ? List.of() : matching.get(matching.size() - 1).jobIds();
  }

  private static NotFoundException notFound(DataCenter dataCenter) {
    return new NotFoundException("HTTP 404", dataCenter, "404", "No job report available");
  }

  private static String key(DataCenter dataCenter, Op op) {
    return dataCenter.name() + "/" + op;
  }
}
