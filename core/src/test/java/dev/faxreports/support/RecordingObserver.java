package dev.faxreports.support;

import dev.faxreports.observe.DataCenterFailed;
import dev.faxreports.observe.DeleteFailed;
import dev.faxreports.observe.DrainFinished;
import dev.faxreports.observe.DrainObserver;
import dev.faxreports.observe.DrainStarted;
import dev.faxreports.observe.FaxReportsObserver;
import dev.faxreports.observe.PageAcknowledged;
import dev.faxreports.observe.PageExported;
import dev.faxreports.observe.PageListed;
import dev.faxreports.observe.RequestFinished;
import dev.faxreports.observe.RequestObserver;
import dev.faxreports.observe.RequestStarted;
import dev.faxreports.observe.RetryScheduled;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every event it hears, in order, for assertions. */
public final class RecordingObserver implements FaxReportsObserver, DrainObserver {

  public final List<Object> events = new CopyOnWriteArrayList<>();

  @Override
  public RequestObserver requestStarted(RequestStarted request) {
    events.add(request);
    return events::add;
  }

  @Override
  public void retryScheduled(RetryScheduled retry) {
    events.add(retry);
  }

  @Override
  public void dataCenterFailed(DataCenterFailed failed) {
    events.add(failed);
  }

  @Override
  public void pageListed(PageListed page) {
    events.add(page);
  }

  @Override
  public DrainObserver drainStarted(DrainStarted drain) {
    events.add(drain);
    return this;
  }

  @Override
  public void pageExported(PageExported page) {
    events.add(page);
  }

  @Override
  public void pageAcknowledged(PageAcknowledged acknowledged) {
    events.add(acknowledged);
  }

  @Override
  public void deleteFailed(DeleteFailed failed) {
    events.add(failed);
  }

  @Override
  public void finished(DrainFinished finished) {
    events.add(finished);
  }

  /** The events of one type, in order. */
  public <E> List<E> of(Class<E> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }
}
