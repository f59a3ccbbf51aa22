package dev.faxreports.micrometer;

import dev.faxreports.micrometer.FaxReportsObservation.DrainEvents;
import dev.faxreports.model.DataCenter;
import dev.faxreports.observe.DeleteFailed;
import dev.faxreports.observe.DrainFinished;
import dev.faxreports.observe.DrainObserver;
import dev.faxreports.observe.PageExported;
import io.micrometer.observation.Observation;
import java.util.Locale;

/**
 * The observation of one drain: an event per exported page and per failed delete, and the stop
 * with what the drain did; the convention turns that into key values.
 */
final class DrainObservation implements DrainObserver {

  private final Observation observation;
  private final FaxReportsDrainContext context;

  DrainObservation(Observation observation, FaxReportsDrainContext context) {
    this.observation = observation;
    this.context = context;
  }

  @Override
  public void pageExported(PageExported page) {
    observation.event(event(DrainEvents.PAGE_EXPORTED, page.dataCenter(), page.round(), page.reports()));
  }

  @Override
  public void deleteFailed(DeleteFailed failed) {
    observation.event(event(DrainEvents.DELETE_FAILED, failed.dataCenter(), failed.round(), failed.reports()));
  }

  @Override
  public void finished(DrainFinished finished) {
    context.setFinished(finished);
    if (finished.failure() != null) {
      observation.error(finished.failure());
    }
    observation.stop();
  }

  /** {@code DE1 round 3: 500 reports}; in the root locale, as {@link Observation.Event#format} is not. */
  private static Observation.Event event(DrainEvents kind, DataCenter dataCenter, int round, int reports) {
    return Observation.Event.of(kind.getName(),
        String.format(Locale.ROOT, kind.getContextualName(), dataCenter.name(), round, reports));
  }
}
