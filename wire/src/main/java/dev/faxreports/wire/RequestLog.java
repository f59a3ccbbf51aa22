package dev.faxreports.wire;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Where {@link HttpTransport} writes its one line per request (data center, method, URL, status
 * or failure, duration; never a header). A transport passes its own logger, so that each keeps its
 * log category ({@code dev.faxreports.transport.feign}, ...) and the wire module needs no logging
 * library.
 */
public interface RequestLog {

  /** Writes nothing. */
  RequestLog NONE = of(() -> false, line -> {});

  /** Whether lines are wanted: when not, none is built. */
  boolean enabled();

  void write(String line);

  /** A log from two method references, such as {@code RequestLog.of(LOG::isDebugEnabled, LOG::debug)}. */
  static RequestLog of(BooleanSupplier enabled, Consumer<String> write) {
    return new RequestLog() {
      @Override
      public boolean enabled() {
        return enabled.getAsBoolean();
      }

      @Override
      public void write(String line) {
        write.accept(line);
      }
    };
  }
}
