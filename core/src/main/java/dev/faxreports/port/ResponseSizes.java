package dev.faxreports.port;

import java.util.function.Supplier;

/**
 * Lets a transport tell the facade each answer's status and size, without a change to the {@link
 * FaxReportsTransport} methods: optional, and a transport that never calls it still works (sizes
 * are then unknown). While the facade starts a request it makes a {@link Sink} current on the
 * starting thread; a transport takes it with {@link #current()} <em>synchronously, before its method
 * returns</em>, and reports into it when the body has been read:
 *
 * <pre>{@code
 * ResponseSizes.Sink size = ResponseSizes.current();   // at the start of listOldest(...)
 * ... later, on any thread: size.received(status, body.length);
 * }</pre>
 *
 * Without an observer on the facade the current sink is {@link Sink#NONE}.
 */
public final class ResponseSizes {

  /** Where one request's answer status and size go. */
  @FunctionalInterface
  public interface Sink {
    /** Ignores what it is told. */
    Sink NONE = (status, bytes) -> {};

    /** The answer had HTTP {@code status} and a body of {@code bytes} bytes, as decoded (after gzip inflation). */
    void received(int status, long bytes);
  }

  private static final ThreadLocal<Sink> CURRENT = new ThreadLocal<>();

  private ResponseSizes() {}

  /** The sink for the request this thread is starting now, or {@link Sink#NONE}. */
  public static Sink current() {
    Sink sink = CURRENT.get();
    return sink == null ? Sink.NONE : sink;
  }

  /**
   * For the facade (and tests): runs {@code start} — which calls a transport method — with {@code
   * sink} current on this thread, and restores what was current before.
   */
  public static <T> T reportingTo(Sink sink, Supplier<T> start) {
    Sink before = CURRENT.get();
    CURRENT.set(sink);
    try {
      return start.get();
    } finally {
      if (before == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(before);
      }
    }
  }
}
