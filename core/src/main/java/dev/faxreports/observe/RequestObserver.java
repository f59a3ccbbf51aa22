package dev.faxreports.observe;

/** Hears how the one attempt it was returned for ended; called exactly once. */
@FunctionalInterface
public interface RequestObserver {

  /** Hears nothing. */
  RequestObserver NONE = finished -> {};

  void finished(RequestFinished finished);
}
