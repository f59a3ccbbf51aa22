package dev.faxreports.micrometer;

import dev.faxreports.observe.DrainObserver;
import dev.faxreports.observe.DrainStarted;
import dev.faxreports.observe.FaxReportsObserver;
import dev.faxreports.observe.RequestObserver;
import dev.faxreports.observe.RequestStarted;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.ObservationRegistry;

/**
 * The observations part of {@link MicrometerObserver}: every attempt and every drain as an
 * observation ({@link FaxReportsObservation}), named and tagged by its convention — the one given
 * to the builder, else a global one registered on the registry, else the default.
 *
 * <p>Whether the registry is a no-op is asked per event, as handlers may be registered after this
 * observer was built; a no-op registry costs no context and no observation.
 */
final class ObservationObserver implements FaxReportsObserver {

  private final ObservationRegistry registry;
  private final FaxReportsRequestObservationConvention requestConvention;
  private final FaxReportsDrainObservationConvention drainConvention;

  /** The conventions may be {@code null}: Micrometer then picks a global one or the default. */
  ObservationObserver(ObservationRegistry registry, FaxReportsRequestObservationConvention requestConvention,
      FaxReportsDrainObservationConvention drainConvention) {
    this.registry = registry;
    this.requestConvention = requestConvention;
    this.drainConvention = drainConvention;
  }

  boolean isNoop() {
    return registry.isNoop();
  }

  @Override
  public RequestObserver requestStarted(RequestStarted request) {
    if (registry.isNoop()) {
      return RequestObserver.NONE;
    }
    FaxReportsRequestContext context = new FaxReportsRequestContext(request);
    return new RequestObservation(start(FaxReportsObservation.REQUEST, requestConvention,
        DefaultFaxReportsRequestObservationConvention.INSTANCE, context), context);
  }

  @Override
  public DrainObserver drainStarted(DrainStarted drain) {
    if (registry.isNoop()) {
      return DrainObserver.NONE;
    }
    FaxReportsDrainContext context = new FaxReportsDrainContext(drain);
    return new DrainObservation(start(FaxReportsObservation.DRAIN, drainConvention,
        DefaultFaxReportsDrainObservationConvention.INSTANCE, context), context);
  }

  /** Through the documented observation, which checks that the default convention is the one it names. */
  private <C extends Observation.Context> Observation start(FaxReportsObservation documented,
      ObservationConvention<C> custom, ObservationConvention<C> byDefault, C context) {
    return documented.start(custom, byDefault, () -> context, registry);
  }
}
