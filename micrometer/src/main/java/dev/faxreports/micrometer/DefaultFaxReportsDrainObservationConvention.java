package dev.faxreports.micrometer;

import dev.faxreports.micrometer.FaxReportsObservation.DrainHighCardinalityKeyNames;
import dev.faxreports.micrometer.FaxReportsObservation.DrainLowCardinalityKeyNames;
import dev.faxreports.observe.DrainFinished;
import io.micrometer.common.KeyValues;

/**
 * The names and key values {@link FaxReportsObservation#DRAIN} documents. Extend it to add or
 * change some.
 *
 * <p>Micrometer asks for the key values at the start and again at the stop; what the drain did
 * exists only at the stop ({@link FaxReportsDrainContext#getFinished()} is {@code null} before).
 */
public class DefaultFaxReportsDrainObservationConvention implements FaxReportsDrainObservationConvention {

  /** The shared instance {@link MicrometerObserver} uses unless given another convention. */
  public static final DefaultFaxReportsDrainObservationConvention INSTANCE =
      new DefaultFaxReportsDrainObservationConvention();

  @Override
  public String getName() {
    return FaxReportsMeters.DRAIN_OBSERVATION;
  }

  @Override
  public String getContextualName(FaxReportsDrainContext context) {
    return "faxreports drain";
  }

  @Override
  public KeyValues getLowCardinalityKeyValues(FaxReportsDrainContext context) {
    KeyValues started = KeyValues.of(DrainLowCardinalityKeyNames.DATA_CENTERS
        .withValue(String.valueOf(context.getDrain().dataCenters().size())));
    DrainFinished finished = context.getFinished();
    if (finished == null) {
      return started;
    }
    return started.and(DrainLowCardinalityKeyNames.FAILED_DATA_CENTERS
        .withValue(String.valueOf(finished.failedDataCenters().size())));
  }

  @Override
  public KeyValues getHighCardinalityKeyValues(FaxReportsDrainContext context) {
    DrainFinished finished = context.getFinished();
    if (finished == null) {
      return KeyValues.empty();
    }
    return KeyValues.of(DrainHighCardinalityKeyNames.REPORTS_EXPORTED.withValue(String.valueOf(finished.exported())));
  }
}
