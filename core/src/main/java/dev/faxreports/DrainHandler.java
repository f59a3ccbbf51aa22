package dev.faxreports;

/**
 * Receives every report of a drain, a page at a time, and must have stored it (written and
 * flushed to durable storage) when it returns: only then is the page deleted at the service.
 *
 * <p>Pages are handed over one at a time, never concurrently. A handler that throws stops the
 * drain: its page is not deleted, and the exception is rethrown to the drain's caller.
 */
@FunctionalInterface
public interface DrainHandler {
  void handle(DrainPage page);
}
