package dev.faxreports.cli.drain;

import dev.faxreports.micrometer.DataCenterFigures;
import dev.faxreports.micrometer.MicrometerObserver;
import dev.faxreports.observe.FaxReportsObserver;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a drain did on the wire, per data center: the library's meters ({@code faxreports.*},
 * recorded by {@link MicrometerObserver}) read back as one summary line per data center, and
 * written on request as a Prometheus text file for a node exporter's textfile collector.
 */
public final class DrainMetrics {

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final MicrometerObserver observer = MicrometerObserver.builder(registry).latencyHistogram(true).build();

  public FaxReportsObserver observer() {
    return observer;
  }

  /** The registry, for meters of the command's own (a watch's rounds). */
  public MeterRegistry registry() {
    return registry;
  }

  /** Every meter in Prometheus text format. */
  public String scrape() {
    return registry.scrape();
  }

  /** {@code DE1: 12 requests (1 failed), 1 retry, p50 20 ms, p99 200 ms, 3.9 MB}, one per data center. */
  List<String> summaryLines() {
    List<String> lines = new ArrayList<>();
    DataCenterFigures.byDataCenter(registry).forEach((name, figures) -> lines.add(String.format(Locale.ROOT,
        "%s: %,d requests (%,d failed), %,d %s, p50 %s, p99 %s, %s received", name, figures.requests(),
        figures.failedRequests(), figures.retries(), figures.retries() == 1 ? "retry" : "retries",
        millis(figures.p50()), millis(figures.p99()), megabytes(figures.bytes()))));
    return lines;
  }

  /**
   * Writes the meters in Prometheus text format, atomically (a reader never sees half a file).
   *
   * @throws UncheckedIOException naming the file when it cannot be written
   */
  void writeTo(Path file) {
    try {
      Path absolute = file.toAbsolutePath();
      Path temporary = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp");
      try {
        Files.writeString(temporary, scrape(), StandardCharsets.UTF_8);
        Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temporary);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the metrics file " + file + ": " + e.getMessage(), e);
    }
  }

  private static String millis(Duration duration) {
    return duration == null ? "?" : duration.toMillis() + " ms";
  }

  private static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
  }
}
