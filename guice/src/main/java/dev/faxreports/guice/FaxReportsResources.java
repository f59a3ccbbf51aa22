package dev.faxreports.guice;

import dev.faxreports.FaxReports;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What {@link FaxReportsModule} created, to close at shutdown: the facade, and with it the
 * transport and threads it owns (a transport you bound yourself stays yours to close). Get it from
 * the injector and close it once; closing before the facade was ever created, or twice, does
 * nothing.
 *
 * <pre>{@code
 * injector.getInstance(FaxReportsResources.class).close();
 * }</pre>
 */
public final class FaxReportsResources implements AutoCloseable {

  private final AtomicReference<FaxReports> created = new AtomicReference<>();
  private volatile boolean closed;

  FaxReportsResources() {}

  /** Called by the module's provider: the facade it just built. */
  FaxReports track(FaxReports reports) {
    if (closed) {
      reports.close();
      throw new IllegalStateException("the faxreports resources of this injector are closed");
    }
    created.set(reports);
    return reports;
  }

  /** Closes the facade the module created, if it created one. */
  @Override
  public void close() {
    closed = true;
    FaxReports reports = created.getAndSet(null);
    if (reports != null) {
      reports.close();
    }
  }

  @Override
  public String toString() {
    return "FaxReportsResources[" + (closed ? "closed" : created.get() != null ? "open" : "nothing created") + "]";
  }
}
