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

  /** Reports deleted at the service by this drain after the handler stored them. */
  public long deleted() {
    return byDataCenter.values().stream().mapToLong(DrainStats::deleted).sum();
  }

  /** Reports handed over that the service no longer had when asked to delete them (NOT_FOUND). */
  public long alreadyGone() {
    return byDataCenter.values().stream().mapToLong(DrainStats::alreadyGone).sum();
  }

  /** Reports handed over that are gone from the service now: {@link #deleted()} plus {@link #alreadyGone()}. */
  public long acknowledged() {
    return byDataCenter.values().stream().mapToLong(DrainStats::acknowledged).sum();
  }

  /**
   * Counts for one data center. A report listed twice in one page counts once.
   *
   * @param exported reports handed to the handler, counting redeliveries after a failed delete
   * @param deleted reports this drain deleted after they were handed over
   * @param alreadyGone reports handed over whose delete answered NOT_FOUND: gone, but not by this
   *     drain (another drain, or expiry, got there first)
   * @param rounds list-and-acknowledge rounds, the last empty listing included
   */
  public record DrainStats(long exported, long deleted, long alreadyGone, int rounds) {

    /** Reports handed over that are gone from the service now, deleted or not found. */
    public long acknowledged() {
      return deleted + alreadyGone;
    }
  }
}
