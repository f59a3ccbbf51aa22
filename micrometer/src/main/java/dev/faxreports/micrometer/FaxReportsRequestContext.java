package dev.faxreports.micrometer;

import dev.faxreports.observe.RequestFinished;
import dev.faxreports.observe.RequestStarted;
import io.micrometer.observation.Observation;

/**
 * What a {@link FaxReportsObservation#REQUEST} observation knows: the attempt from its start, and
 * how it ended once it stopped. A {@link FaxReportsRequestObservationConvention} reads its key
 * values from here.
 */
public class FaxReportsRequestContext extends Observation.Context {

  private final RequestStarted request;
  private volatile RequestFinished finished;

  public FaxReportsRequestContext(RequestStarted request) {
    this.request = request;
  }

  /** The attempt: data center, operation, attempt number. */
  public RequestStarted getRequest() {
    return request;
  }

  /** How the attempt ended, or {@code null} while it runs. */
  public RequestFinished getFinished() {
    return finished;
  }

  /** Set once, just before the observation stops. */
  public void setFinished(RequestFinished finished) {
    this.finished = finished;
  }
}
