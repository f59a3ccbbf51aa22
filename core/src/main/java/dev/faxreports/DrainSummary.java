package dev.faxreports;

import dev.faxreports.error.FaxReportsException;
import dev.faxreports.model.DataCenter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a drain did.
 *
 * @param byDataCenter counts per data center that was drained (or attempted)
 * @param failures the data centers whose drain stopped early, and why; the reports they still hold
 *     come in the next drain
 */
public record DrainSummary(
    Map<DataCenter, DrainStats> byDataCenter, Map<DataCenter, FaxReportsException> failures)
    implements DataCenterOutcome {

  public DrainSummary {
    byDataCenter = Collections.unmodifiableMap(new LinkedHashMap<>(byDataCenter));
    failures = Collections.unmodifiableMap(new LinkedHashMap<>(failures));
  }

  /** Reports handed to the handler, counting redeliveries. */
  public long exported() {
    return byDataCenter.values().stream().mapToLong(DrainStats::exported).sum();
  }

  /** Reports deleted at the service after the handler stored them. */
  public long acknowledged() {
    return byDataCenter.values().stream().mapToLong(DrainStats::acknowledged).sum();
  }

  /**
   * Counts for one data center.
   *
   * @param exported reports handed to the handler, counting redeliveries
   * @param acknowledged reports deleted (or found already gone) after they were handed over
   * @param rounds list-and-acknowledge rounds, the last empty listing included
   */
  public record DrainStats(long exported, long acknowledged, int rounds) {}
}
