package dev.faxreports.micrometer;

import dev.faxreports.observe.DeleteFailed;
import dev.faxreports.observe.DrainFinished;
import dev.faxreports.observe.DrainObserver;
import dev.faxreports.observe.PageAcknowledged;
import dev.faxreports.observe.PageExported;
import io.micrometer.core.instrument.LongTaskTimer;

/** The meters of one drain: its data centers' counters, and its sample of the long-task timer. */
final class DrainMeters implements DrainObserver {

  private final LongTaskTimer.Sample running;
  private final DrainCounters counters;

  DrainMeters(LongTaskTimer.Sample running, DrainCounters counters) {
    this.running = running;
    this.counters = counters;
  }

  @Override
  public void pageExported(PageExported page) {
    counters.of(page.dataCenter()).exported().increment(page.reports());
  }

  @Override
  public void pageAcknowledged(PageAcknowledged acknowledged) {
    counters.of(acknowledged.dataCenter()).deleted().increment(acknowledged.deleted());
  }

  @Override
  public void deleteFailed(DeleteFailed failed) {
    counters.of(failed.dataCenter()).deleteFailed().increment(failed.reports());
  }

  @Override
  public void finished(DrainFinished finished) {
    running.stop();
  }
}
