package dev.faxreports;

import dev.faxreports.error.DataCenterFailureException;
import dev.faxreports.error.FaxReportsException;
import dev.faxreports.model.DataCenter;
import java.util.Map;

/**
 * What every multi-data-center result has: the data centers that failed (after retries) and why.
 * A failed data center is never dropped silently.
 */
public interface DataCenterOutcome {

  /** The failure of each data center that failed, in configuration order; empty when none did. */
  Map<DataCenter, FaxReportsException> failures();

  /** Whether every data center answered. */
  default boolean isComplete() {
    return failures().isEmpty();
  }

  /** Throws a {@link DataCenterFailureException} naming each failed data center, if any failed. */
  default void throwIfIncomplete() {
    if (!isComplete()) {
      throw DataCenterFailureException.of("some data centers failed", failures());
    }
  }
}
