package dev.faxreports;

import dev.faxreports.error.FaxReportsException;
import dev.faxreports.model.DataCenter;
import dev.faxreports.model.DeletionResult;
import java.util.List;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The merged outcome of a delete over several data centers.
 *
 * @param results one result per job: {@code deleted} if any data center deleted it, NOT_FOUND only
 *     if every data center said so, otherwise the failure (see {@link
 *     dev.faxreports.model.DeletionReason#DATA_CENTER_FAILED})
 * @param byDataCenter each answering data center's own results
 * @param failures the data centers that failed, and why
 */
public record DeletionsResult(
    List<DeletionResult> results,
    Map<DataCenter, List<DeletionResult>> byDataCenter,
    Map<DataCenter, FaxReportsException> failures)
    implements DataCenterOutcome {

  public DeletionsResult {
    results = List.copyOf(results);
    byDataCenter = Collections.unmodifiableMap(new LinkedHashMap<>(byDataCenter));
    failures = Collections.unmodifiableMap(new LinkedHashMap<>(failures));
  }

  /** How many jobs were deleted. */
  public long deletedCount() {
    return results.stream().filter(DeletionResult::deleted).count();
  }
}
