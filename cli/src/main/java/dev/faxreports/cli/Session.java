package dev.faxreports.cli;

import java.io.PrintStream;
import java.util.Map;

/**
 * What a command runs with: the environment (credentials come only from there), stdout for the
 * JSON Lines, stderr for everything a person reads, and whether stderr is a terminal.
 */
record Session(Map<String, String> environment, PrintStream out, PrintStream err, boolean interactive) {

  /** A diagnostic line on stderr. */
  void say(String message) {
    err.println("faxreports: " + message);
  }
}
