package dev.faxreports.observe;

import dev.faxreports.error.FaxReportsException;
import dev.faxreports.model.DataCenter;
import java.util.Map;

/**
 * A drain ended.
 *
 * @param exported reports handed to the handler, in every data center
 * @param acknowledged reports handed over that are gone from the service now (deleted or not found)
 * @param failedDataCenters the data centers whose drain stopped early, and why
 * @param failure why the drain as a whole failed (the handler threw, it was cancelled), or {@code
 *     null}
 */
public record DrainFinished(
    long exported, long acknowledged, Map<DataCenter, FaxReportsException> failedDataCenters,
    Throwable failure) {
  public DrainFinished {
    failedDataCenters = Map.copyOf(failedDataCenters);
  }
}
