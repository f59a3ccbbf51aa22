package dev.faxreports.cli.watch;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * SIGTERM, SIGINT and SIGHUP turned into a request to stop, for a service that must end with exit
 * code 0 after finishing its work. The JVM's default (shutdown hooks, then exit 143, 130 or 129)
 * cannot give that: a hook may not choose the exit code. SIGHUP (the terminal closed, or a
 * supervisor's stop) stops as SIGTERM does; a process started with SIGHUP ignored ({@code nohup})
 * keeps ignoring it, since the JVM installs no handler for an ignored signal. The JDK's only
 * signal API is {@code sun.misc.Signal} in the {@code jdk.unsupported} module, exported for this
 * use; it is reached by reflection because javac warns about it at compile time with no way to
 * suppress the warning, and warnings fail our build.
 */
final class StopSignals {
  private StopSignals() {}

  /**
   * Runs {@code onStop} (on the JVM's signal thread) when SIGTERM, SIGINT or SIGHUP arrives, instead
   * of shutting down. {@code onStop} should return at once: a second signal waits for it.
   *
   * @throws IllegalStateException when this JVM has no {@code sun.misc.Signal}
   */
  static void onStop(Runnable onStop) {
    try {
      Class<?> signal = Class.forName("sun.misc.Signal");
      Class<?> handler = Class.forName("sun.misc.SignalHandler");
      Constructor<?> named = signal.getConstructor(String.class);
      Method handle = signal.getMethod("handle", signal, handler);
      Object stop = Proxy.newProxyInstance(StopSignals.class.getClassLoader(), new Class<?>[] {handler},
          (proxy, method, arguments) -> {
            if (method.getName().equals("handle")) {
              onStop.run();
              return null;
            }
            return switch (method.getName()) { // Object's own methods, should anyone call them
              case "hashCode" -> System.identityHashCode(proxy);
              case "equals" -> proxy == arguments[0];
              default -> "stop on SIGTERM, SIGINT or SIGHUP";
            };
          });
      handle.invoke(null, named.newInstance("TERM"), stop);
      for (String other : new String[] {"INT", "HUP"}) {
        try {
          handle.invoke(null, named.newInstance(other), stop);
        } catch (java.lang.reflect.InvocationTargetException taken) {
          // reserved (a JVM run with -Xrs): that signal keeps the JVM's default, SIGTERM still stops
        }
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException("cannot handle SIGTERM/SIGINT/SIGHUP in this JVM: " + e, e);
    }
  }
}
