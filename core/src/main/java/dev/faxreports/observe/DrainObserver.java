package dev.faxreports.observe;

/**
 * Hears the steps of the one drain it was returned for. Calls for one data center come in order;
 * calls for different data centers may come from different threads at once.
 */
public interface DrainObserver {

  /** Hears nothing. */
  DrainObserver NONE = new DrainObserver() {};

  /** The handler returned normally for a page. */
  default void pageExported(PageExported page) {}

  /** The delete after a page answered. */
  default void pageAcknowledged(PageAcknowledged acknowledged) {}

  /** Reports of an exported page are still at the service. */
  default void deleteFailed(DeleteFailed failed) {}

  /** The drain ended; called exactly once. */
  default void finished(DrainFinished finished) {}
}
