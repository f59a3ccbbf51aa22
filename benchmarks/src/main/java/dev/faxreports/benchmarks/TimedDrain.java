package dev.faxreports.benchmarks;

/** How long moving {@code reports} reports took. */
record TimedDrain(long reports, double seconds) {
  double reportsPerSecond() {
    return reports / seconds;
  }
}
