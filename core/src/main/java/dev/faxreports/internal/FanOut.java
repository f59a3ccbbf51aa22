package dev.faxreports.internal;

import dev.faxreports.error.FaxReportsException;
import dev.faxreports.model.DataCenter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Sends one call to every data center at once and waits for all of them: the cost is the slowest
 * data center's, not the sum. A failing data center is recorded, never dropped.
 */
public final class FanOut {
  private FanOut() {}

  /**
   * What each data center answered, or why it failed.
   *
   * @param values the answers of the data centers that succeeded, in configuration order
   * @param failures the failures of the others, in configuration order
   */
  public record Outcomes<T>(
      Map<DataCenter, T> values, Map<DataCenter, FaxReportsException> failures) {
    public Outcomes {
      values = Collections.unmodifiableMap(values);
      failures = Collections.unmodifiableMap(failures);
    }
  }

  /** Starts {@code call} for every data center before waiting on any. Never fails itself. */
  public static <T> CompletableFuture<Outcomes<T>> all(
      List<DataCenter> dataCenters, Function<DataCenter, CompletableFuture<T>> call) {
    List<CompletableFuture<T>> calls = new ArrayList<>(dataCenters.size());
    for (DataCenter dataCenter : dataCenters) {
      calls.add(startSafely(dataCenter, call));
    }
    return CompletableFuture.allOf(calls.stream().map(c -> c.handle((v, e) -> null))
            .toArray(CompletableFuture[]::new))
        .thenApply(done -> {
          Map<DataCenter, T> values = new LinkedHashMap<>();
          Map<DataCenter, FaxReportsException> failures = new LinkedHashMap<>();
          for (int i = 0; i < dataCenters.size(); i++) {
            DataCenter dataCenter = dataCenters.get(i);
            CompletableFuture<T> finished = calls.get(i);
            if (finished.isCompletedExceptionally()) {
              failures.put(dataCenter, Failures.normalize(failureOf(finished), dataCenter));
            } else {
              values.put(dataCenter, finished.join());
            }
          }
          return new Outcomes<>(values, failures);
        });
  }

  private static <T> CompletableFuture<T> startSafely(
      DataCenter dataCenter, Function<DataCenter, CompletableFuture<T>> call) {
    try {
      return call.apply(dataCenter);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private static Throwable failureOf(CompletableFuture<?> failed) {
    return failed.handle((value, error) -> error).join();
  }
}
