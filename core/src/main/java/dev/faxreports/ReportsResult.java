package dev.faxreports;

import dev.faxreports.error.FaxReportsException;
import dev.faxreports.model.DataCenter;
import dev.faxreports.model.FaxReport;
import java.util.List;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reports gathered from several data centers.
 *
 * @param reports the merged reports: for a listing, oldest first across data centers; for a bulk
 *     get, in the order the IDs were asked for
 * @param byDataCenter each answering data center's reports, as it returned them
 * @param failures the data centers that failed, and why
 */
public record ReportsResult(
    List<FaxReport> reports,
    Map<DataCenter, List<FaxReport>> byDataCenter,
    Map<DataCenter, FaxReportsException> failures)
    implements DataCenterOutcome {

  public ReportsResult {
    reports = List.copyOf(reports);
    byDataCenter = Collections.unmodifiableMap(new LinkedHashMap<>(byDataCenter));
    failures = Collections.unmodifiableMap(new LinkedHashMap<>(failures));
  }

  /** The data center a report came from, if it is in this result. */
  public Optional<DataCenter> dataCenterOf(String jobId) {
    return byDataCenter.entrySet().stream()
        .filter(entry -> entry.getValue().stream().anyMatch(r -> r.jobId().equals(jobId)))
        .map(Map.Entry::getKey)
        .findFirst();
  }
}
