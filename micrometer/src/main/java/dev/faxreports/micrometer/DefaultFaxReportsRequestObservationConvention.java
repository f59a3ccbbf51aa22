package dev.faxreports.micrometer;

import dev.faxreports.micrometer.FaxReportsObservation.RequestHighCardinalityKeyNames;
import dev.faxreports.micrometer.FaxReportsObservation.RequestLowCardinalityKeyNames;
import dev.faxreports.observe.RequestFinished;
import dev.faxreports.observe.RequestStarted;
import io.micrometer.common.KeyValues;

/**
 * The names and key values {@link FaxReportsObservation#REQUEST} documents. Extend it to add or
 * change some, e.g. {@code super.getLowCardinalityKeyValues(context).and("tenant", tenant)}.
 *
 * <p>Micrometer asks for the key values at the start and again at the stop; the outcome and the
 * status exist only at the stop ({@link FaxReportsRequestContext#getFinished()} is {@code null}
 * before).
 */
public class DefaultFaxReportsRequestObservationConvention implements FaxReportsRequestObservationConvention {

  /** The shared instance {@link MicrometerObserver} uses unless given another convention. */
  public static final DefaultFaxReportsRequestObservationConvention INSTANCE =
      new DefaultFaxReportsRequestObservationConvention();

  @Override
  public String getName() {
    return FaxReportsMeters.REQUEST_OBSERVATION;
  }

  /** {@code faxreports list}, {@code faxreports bulk.delete}, … */
  @Override
  public String getContextualName(FaxReportsRequestContext context) {
    return "faxreports " + context.getRequest().operation().tagValue();
  }

  @Override
  public KeyValues getLowCardinalityKeyValues(FaxReportsRequestContext context) {
    RequestStarted request = context.getRequest();
    KeyValues started = KeyValues.of(
        RequestLowCardinalityKeyNames.DATA_CENTER.withValue(request.dataCenter().name()),
        RequestLowCardinalityKeyNames.OPERATION.withValue(request.operation().tagValue()));
    RequestFinished finished = context.getFinished();
    if (finished == null) {
      return started;
    }
    return started.and(
        RequestLowCardinalityKeyNames.OUTCOME.withValue(finished.outcome().tagValue()),
        RequestLowCardinalityKeyNames.STATUS.withValue(FaxReportsMeters.statusValue(finished.status())));
  }

  @Override
  public KeyValues getHighCardinalityKeyValues(FaxReportsRequestContext context) {
    KeyValues started = KeyValues.of(
        RequestHighCardinalityKeyNames.ATTEMPT.withValue(String.valueOf(context.getRequest().attempt())));
    RequestFinished finished = context.getFinished();
    if (finished == null || !finished.bytesKnown()) {
      return started;
    }
    return started.and(RequestHighCardinalityKeyNames.RESPONSE_BYTES.withValue(String.valueOf(finished.bytes())));
  }
}
