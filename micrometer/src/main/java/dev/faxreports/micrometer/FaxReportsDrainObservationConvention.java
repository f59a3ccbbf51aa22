package dev.faxreports.micrometer;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names a {@link FaxReportsObservation#DRAIN} observation and its key values. To change them,
 * extend {@link DefaultFaxReportsDrainObservationConvention} and pass it to {@link
 * MicrometerObserver.Builder#drainObservationConvention}, or register it as a {@code
 * GlobalObservationConvention} on the observation registry.
 */
public interface FaxReportsDrainObservationConvention extends ObservationConvention<FaxReportsDrainContext> {

  @Override
  default boolean supportsContext(Observation.Context context) {
    return context instanceof FaxReportsDrainContext;
  }
}
