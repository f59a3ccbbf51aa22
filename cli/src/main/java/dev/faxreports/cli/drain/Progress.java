package dev.faxreports.cli.drain;

import dev.faxreports.DrainPage;
import dev.faxreports.model.DataCenter;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * Drain progress on stderr: reports exported per data center and the rate. On a terminal one line
 * is redrawn in place; otherwise (cron, CI) a line is printed every few seconds.
 */
final class Progress {

  private static final long TERMINAL_REFRESH_NANOS = 100_000_000L;
  private static final long LOG_REFRESH_NANOS = 5_000_000_000L;

  private final PrintStream err;
  private final boolean interactive;
  private final int width;
  private int lastLength;
  private final Map<String, Long> exported = new LinkedHashMap<>();
  private final LongSupplier nanoTime;
  private final long start;
  private long lastShown;

  /**
   * @param width the terminal's columns: a redrawn line longer than that would wrap, and every
   *     redraw would then start a new line instead of replacing the old one
   */
  Progress(PrintStream err, boolean interactive, int width, List<DataCenter> dataCenters) {
    this(err, interactive, width, dataCenters, System::nanoTime);
  }

  /** With the clock given ({@link System#nanoTime()}'s kind): tests move it instead of waiting. */
  Progress(PrintStream err, boolean interactive, int width, List<DataCenter> dataCenters, LongSupplier nanoTime) {
    this.err = err;
    this.interactive = interactive;
    this.width = Math.max(width, 20);
    this.nanoTime = nanoTime;
    this.start = nanoTime.getAsLong();
    this.lastShown = start - LOG_REFRESH_NANOS; // the first page is shown at once, whatever the clock's origin
    dataCenters.forEach(dc -> exported.put(dc.name(), 0L));
  }

  synchronized void exported(DrainPage page) {
    exported.merge(page.dataCenter().name(), (long) page.reports().size(), Long::sum);
    long now = nanoTime.getAsLong();
    if (now - lastShown >= (interactive ? TERMINAL_REFRESH_NANOS : LOG_REFRESH_NANOS)) {
      lastShown = now;
      show(false);
    }
  }

  /** The final state, on a line of its own. */
  synchronized void finish() {
    show(true);
  }

  synchronized long total() {
    return exported.values().stream().mapToLong(Long::longValue).sum();
  }

  double seconds() {
    return (nanoTime.getAsLong() - start) / 1e9;
  }

  private void show(boolean last) {
    String perDataCenter = exported.entrySet().stream()
        .map(e -> e.getKey() + " " + String.format(Locale.ROOT, "%,d", e.getValue()))
        .collect(Collectors.joining(" | "));
    double seconds = Math.max(seconds(), 1e-3);
    String line = String.format(Locale.ROOT, "exported %s | %,d reports, %,.0f/s", perDataCenter, total(), total() / seconds);
    if (interactive) {
      // One column short of the width (a full line makes some terminals wrap), and blanks over
      // whatever the longer previous line left behind.
      String fitted = line.length() < width ? line : line.substring(0, width - 2) + "…";
      String blanks = " ".repeat(Math.max(0, lastLength - fitted.length()));
      lastLength = fitted.length();
      err.print("\r" + fitted + blanks + (last ? "\n" : ""));
    } else {
      err.println(line);
    }
    err.flush();
  }
}
