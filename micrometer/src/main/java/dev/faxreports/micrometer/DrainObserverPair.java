package dev.faxreports.micrometer;

import dev.faxreports.observe.DeleteFailed;
import dev.faxreports.observe.DrainFinished;
import dev.faxreports.observe.DrainObserver;
import dev.faxreports.observe.PageAcknowledged;
import dev.faxreports.observe.PageExported;

/** One drain heard by the meters first, then by its observation. */
final class DrainObserverPair implements DrainObserver {

  private final DrainObserver meters;
  private final DrainObserver observation;

  DrainObserverPair(DrainObserver meters, DrainObserver observation) {
    this.meters = meters;
    this.observation = observation;
  }

  @Override
  public void pageExported(PageExported page) {
    meters.pageExported(page);
    observation.pageExported(page);
  }

  @Override
  public void pageAcknowledged(PageAcknowledged acknowledged) {
    meters.pageAcknowledged(acknowledged);
    observation.pageAcknowledged(acknowledged);
  }

  @Override
  public void deleteFailed(DeleteFailed failed) {
    meters.deleteFailed(failed);
    observation.deleteFailed(failed);
  }

  @Override
  public void finished(DrainFinished finished) {
    meters.finished(finished);
    observation.finished(finished);
  }
}
