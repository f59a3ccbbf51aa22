package dev.faxreports.cli.drain;

import dev.faxreports.micrometer.FaxReportsMeters;
import dev.faxreports.model.DataCenter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * The reports one drain round's sink could not store as rows and quarantined — kept byte for byte,
 * with the reason, in {@value #TABLE} — per data center: for the summary, and counted in {@value
 * #METER} (Prometheus: {@code faxreports_reports_quarantined_total{data_center}}).
 */
public final class Quarantined {

  static final String METER = "faxreports.reports.quarantined";
  public static final String TABLE = "fax_reports_rejected";

  private final Map<String, LongAdder> byDataCenter = new ConcurrentSkipListMap<>();
  private final MeterRegistry registry;

  /**
   * A round's tally; with a registry, its counter is there for each of {@code dataCenters} from
   * the start, at 0, so that a rate over it sees the first report quarantined.
   */
  Quarantined(MeterRegistry registry, List<DataCenter> dataCenters) {
    this.registry = registry;
    if (registry != null) {
      dataCenters.forEach(this::counter);
    }
  }

  void add(DataCenter dataCenter, int reports) {
    if (reports <= 0) {
      return;
    }
    byDataCenter.computeIfAbsent(dataCenter.name(), name -> new LongAdder()).add(reports);
    if (registry != null) {
      counter(dataCenter).increment(reports);
    }
  }

  private Counter counter(DataCenter dataCenter) {
    return Counter.builder(METER).tag(FaxReportsMeters.DATA_CENTER, dataCenter.name())
        .description("Reports the sink could not store as rows, kept byte for byte with the reason in " + TABLE)
        .register(registry);
  }

  public long total() {
    return byDataCenter.values().stream().mapToLong(LongAdder::sum).sum();
  }

  /** {@code DE1 2, DE2 1}: the data centers with any. */
  String perDataCenter() {
    return byDataCenter.entrySet().stream()
        .map(e -> String.format(Locale.ROOT, "%s %,d", e.getKey(), e.getValue().sum()))
        .collect(Collectors.joining(", "));
  }
}
