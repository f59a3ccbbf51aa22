package dev.faxreports.internal;

import dev.faxreports.error.FaxReportsException;
import dev.faxreports.model.DataCenter;
import dev.faxreports.observe.DataCenterFailed;
import dev.faxreports.observe.DeleteFailed;
import dev.faxreports.observe.DrainFinished;
import dev.faxreports.observe.DrainObserver;
import dev.faxreports.observe.DrainStarted;
import dev.faxreports.observe.FaxReportsObserver;
import dev.faxreports.observe.Operation;
import dev.faxreports.observe.Outcome;
import dev.faxreports.observe.PageAcknowledged;
import dev.faxreports.observe.PageExported;
import dev.faxreports.observe.PageListed;
import dev.faxreports.observe.RequestFinished;
import dev.faxreports.observe.RequestObserver;
import dev.faxreports.observe.RequestStarted;
import dev.faxreports.observe.RetryScheduled;
import dev.faxreports.model.FaxReport;
import dev.faxreports.model.RecipientStatus;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The registered observers, called safely: an observer that throws is logged once (the first
 * time) and never breaks the call it observes. Callers check {@link #active()} before building an
 * event, so without observers the facade builds none.
 */
public final class Observers {

  public static final Observers NONE = new Observers(List.of());

  private static final System.Logger LOG = System.getLogger(Observers.class.getName());

  private final List<Guarded> observers;
  private final boolean active;

  public Observers(List<FaxReportsObserver> observers) {
    List<Guarded> guarded = new ArrayList<>(observers.size());
    observers.forEach(observer -> guarded.add(new Guarded(observer)));
    this.observers = List.copyOf(guarded);
    this.active = !guarded.isEmpty();
  }

  /** Whether anyone listens; when not, no event is built. */
  boolean active() {
    return active;
  }

  int size() {
    return observers.size();
  }

  RequestObserver requestStarted(DataCenter dataCenter, Operation operation, int attempt) {
    RequestStarted event = new RequestStarted(dataCenter, operation, attempt);
    List<RequestObserver> listening = collect(o -> o.requestStarted(event), RequestObserver.NONE);
    if (listening.isEmpty()) {
      return RequestObserver.NONE;
    }
    return finished -> forEach(listening, l -> l.finished(finished));
  }

  void retryScheduled(DataCenter dataCenter, Operation operation, int nextAttempt, Duration delay,
      FaxReportsException cause) {
    RetryScheduled event = new RetryScheduled(dataCenter, operation, nextAttempt, delay, Outcome.of(cause), cause);
    observers.forEach(g -> g.call(o -> o.retryScheduled(event)));
  }

  void dataCenterFailed(DataCenter dataCenter, Operation operation, int attempts, FaxReportsException failure) {
    DataCenterFailed event = new DataCenterFailed(dataCenter, operation, attempts, Outcome.of(failure), failure);
    observers.forEach(g -> g.call(o -> o.dataCenterFailed(event)));
  }

  /** Reports a listing: its size and its oldest send time (scanned only here, when observed). */
  void pageListed(DataCenter dataCenter, List<FaxReport> page) {
    // Plain loops, no streams: this runs once per page of up to 1000 reports on the drain's hot path.
    Instant oldest = null;
    for (FaxReport report : page) {
      for (RecipientStatus recipient : report.recipientStatus()) {
        Instant sent = recipient.sentTs();
        if (sent != null && (oldest == null || sent.isBefore(oldest))) {
          oldest = sent;
        }
      }
    }
    PageListed event = new PageListed(dataCenter, page.size(), oldest);
    observers.forEach(g -> g.call(o -> o.pageListed(event)));
  }

  DrainObserver drainStarted(List<DataCenter> dataCenters) {
    if (!active) {
      return DrainObserver.NONE;
    }
    DrainStarted event = new DrainStarted(dataCenters);
    List<DrainObserver> listening = collect(o -> o.drainStarted(event), DrainObserver.NONE);
    if (listening.isEmpty()) {
      return DrainObserver.NONE;
    }
    return new DrainObserver() {
      @Override
      public void pageExported(PageExported page) {
        forEach(listening, l -> l.pageExported(page));
      }

      @Override
      public void pageAcknowledged(PageAcknowledged acknowledged) {
        forEach(listening, l -> l.pageAcknowledged(acknowledged));
      }

      @Override
      public void deleteFailed(DeleteFailed failed) {
        forEach(listening, l -> l.deleteFailed(failed));
      }

      @Override
      public void finished(DrainFinished finished) {
        forEach(listening, l -> l.finished(finished));
      }
    };
  }

  /** What each observer returned for an event, leaving out the ones not interested (or failing). */
  private <L> List<L> collect(Function<FaxReportsObserver, L> start, L none) {
    List<L> listening = new ArrayList<>(observers.size());
    for (Guarded g : observers) {
      L listener = g.ask(start);
      if (listener != null && listener != none) {
        listening.add(g.guard(listener));
      }
    }
    return listening;
  }

  private static <L> void forEach(List<L> listeners, Consumer<L> call) {
    for (L listener : listeners) {
      call.accept(listener); // each is guarded by its observer's Guarded (see Guarded#guard)
    }
  }

  @Override
  public String toString() {
    return "Observers" + observers;
  }

  /** One observer and whether its failure was logged yet. */
  private static final class Guarded {
    private final FaxReportsObserver observer;
    private final AtomicBoolean failureLogged = new AtomicBoolean();

    Guarded(FaxReportsObserver observer) {
      this.observer = observer;
    }

    void call(Consumer<FaxReportsObserver> event) {
      try {
        event.accept(observer);
      } catch (RuntimeException e) {
        failed(e);
      }
    }

    <L> L ask(Function<FaxReportsObserver, L> event) {
      try {
        return event.apply(observer);
      } catch (RuntimeException e) {
        failed(e);
        return null;
      }
    }

    /** The listener an observer returned, its calls caught like the observer's own. */
    @SuppressWarnings("unchecked")
    <L> L guard(L listener) {
      if (listener instanceof RequestObserver request) {
        return (L) (RequestObserver) finished -> {
          try {
            request.finished(finished);
          } catch (RuntimeException e) {
            failed(e);
          }
        };
      }
      DrainObserver drain = (DrainObserver) listener;
      return (L) new DrainObserver() {
        @Override
        public void pageExported(PageExported page) {
          run(() -> drain.pageExported(page));
        }

        @Override
        public void pageAcknowledged(PageAcknowledged acknowledged) {
          run(() -> drain.pageAcknowledged(acknowledged));
        }

        @Override
        public void deleteFailed(DeleteFailed failed) {
          run(() -> drain.deleteFailed(failed));
        }

        @Override
        public void finished(DrainFinished finished) {
          run(() -> drain.finished(finished));
        }
      };
    }

    private void run(Runnable step) {
      try {
        step.run();
      } catch (RuntimeException e) {
        failed(e);
      }
    }

    private void failed(RuntimeException e) {
      if (failureLogged.compareAndSet(false, true)) {
        LOG.log(Level.WARNING, "the faxreports observer " + observer + " failed; its calls go on"
            + " being made, but further failures of it are not logged", e);
      }
    }

    @Override
    public String toString() {
      return String.valueOf(observer);
    }
  }
}
