package dev.faxreports.micrometer;

import dev.faxreports.observe.DrainFinished;
import dev.faxreports.observe.DrainStarted;
import io.micrometer.observation.Observation;

/**
 * What a {@link FaxReportsObservation#DRAIN} observation knows: the drain from its start, and how
 * it ended once it stopped. A {@link FaxReportsDrainObservationConvention} reads its key values
 * from here.
 */
public class FaxReportsDrainContext extends Observation.Context {

  private final DrainStarted drain;
  private volatile DrainFinished finished;

  public FaxReportsDrainContext(DrainStarted drain) {
    this.drain = drain;
  }

  /** The drain: the data centers it drains. */
  public DrainStarted getDrain() {
    return drain;
  }

  /** How the drain ended, or {@code null} while it runs. */
  public DrainFinished getFinished() {
    return finished;
  }

  /** Set once, just before the observation stops. */
  public void setFinished(DrainFinished finished) {
    this.finished = finished;
  }
}
