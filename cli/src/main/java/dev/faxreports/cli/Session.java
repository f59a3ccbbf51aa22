package dev.faxreports.cli;

import dev.faxreports.error.Printable;
import java.io.PrintStream;
import java.util.Map;

/**
 * What a command runs with: the environment (credentials come only from there), stdout for the
 * JSON Lines, stderr for everything a person reads, and whether the tool runs at a console (a
 * terminal on stdin and stdout, as {@code System.console()} tells): then progress redraws one
 * line, otherwise it prints a line every few seconds, fit for a log.
 */
public record Session(Map<String, String> environment, PrintStream out, PrintStream err, boolean interactive) {

  /**
   * A diagnostic line on stderr, exactly one: control characters are escaped, since a message may
   * carry a server's text and a raw newline, carriage return or ESC sequence could forge a line of
   * ours (an "all good" summary) or rewrite the terminal.
   */
  public void say(String message) {
    err.println("faxreports: " + Printable.escape(message));
  }

  /**
   * The terminal's width in columns: {@code COLUMNS} when the shell exports it, else 80, the width
   * every terminal has at least.
   */
  public int terminalWidth() {
    try {
      String columns = environment.get("COLUMNS");
      int width = columns == null ? 80 : Integer.parseInt(columns.strip());
      return width > 0 ? width : 80;
    } catch (NumberFormatException notANumber) {
      return 80;
    }
  }
}
