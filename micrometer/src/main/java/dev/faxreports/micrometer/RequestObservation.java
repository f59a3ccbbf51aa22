package dev.faxreports.micrometer;

import dev.faxreports.observe.RequestFinished;
import dev.faxreports.observe.RequestObserver;
import io.micrometer.observation.Observation;

/** Stops the observation of one attempt with how it ended; the convention turns that into key values. */
final class RequestObservation implements RequestObserver {

  private final Observation observation;
  private final FaxReportsRequestContext context;

  RequestObservation(Observation observation, FaxReportsRequestContext context) {
    this.observation = observation;
    this.context = context;
  }

  @Override
  public void finished(RequestFinished finished) {
    context.setFinished(finished);
    if (finished.failure() != null) {
      observation.error(finished.failure());
    }
    observation.stop();
  }
}
