package dev.faxreports.micrometer;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names a {@link FaxReportsObservation#REQUEST} observation and its key values. To change them,
 * extend {@link DefaultFaxReportsRequestObservationConvention} and pass it to {@link
 * MicrometerObserver.Builder#requestObservationConvention}, or register it as a {@code
 * GlobalObservationConvention} on the observation registry.
 */
public interface FaxReportsRequestObservationConvention extends ObservationConvention<FaxReportsRequestContext> {

  @Override
  default boolean supportsContext(Observation.Context context) {
    return context instanceof FaxReportsRequestContext;
  }
}
