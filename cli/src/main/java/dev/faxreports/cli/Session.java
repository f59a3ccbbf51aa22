package dev.faxreports.cli;

import java.io.PrintStream;
import java.util.Map;

/**
 * What a command runs with: the environment (credentials come only from there), stdout for the
 * JSON Lines, stderr for everything a person reads, and whether the tool runs at a console (a
 * terminal on stdin and stdout, as {@code System.console()} tells): then progress redraws one
 * line, otherwise it prints a line every few seconds, fit for a log.
 */
record Session(Map<String, String> environment, PrintStream out, PrintStream err, boolean interactive) {

  /** A diagnostic line on stderr. */
  void say(String message) {
    err.println("faxreports: " + message);
  }
}
