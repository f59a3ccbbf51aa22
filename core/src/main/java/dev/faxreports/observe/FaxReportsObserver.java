package dev.faxreports.observe;

/**
 * Hears every step the facade takes — requests, retries, failed data centers, listings, drains —
 * to turn them into metrics, traces or logs. Register one or more with {@link
 * dev.faxreports.FaxReportsBuilder#observer}.
 *
 * <p>Every method has a do-nothing default: implement what you need. Methods are called on the
 * threads the facade's work happens on (transport I/O threads, timer threads), so they must be
 * quick and must not block. An observer that throws is logged once and then ignored for that
 * failure; it never breaks a call. Without any observer the facade creates no events at all.
 */
public interface FaxReportsObserver {

  /**
   * An attempt is about to be sent; the returned observer hears how it ended. Return {@link
   * RequestObserver#NONE} when not interested.
   */
  default RequestObserver requestStarted(RequestStarted request) {
    return RequestObserver.NONE;
  }

  /** A failed attempt will be tried again. */
  default void retryScheduled(RetryScheduled retry) {}

  /** A call to one data center failed for good. */
  default void dataCenterFailed(DataCenterFailed failed) {}

  /** A listing answered: how many reports wait in that data center, and the oldest's age. */
  default void pageListed(PageListed page) {}

  /**
   * A drain begins; the returned observer hears its pages and its end. Return {@link
   * DrainObserver#NONE} when not interested.
   */
  default DrainObserver drainStarted(DrainStarted drain) {
    return DrainObserver.NONE;
  }
}
