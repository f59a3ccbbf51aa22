package dev.faxreports.micrometer;

import dev.faxreports.model.DataCenter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The drain counters of each data center — exported, deleted, delete failed — registered on first
 * use and shared by every drain, so a lookup per event instead of a builder and a registry lookup.
 */
final class DrainCounters {

  /** One data center's three counters. */
  record OfDataCenter(Counter exported, Counter deleted, Counter deleteFailed) {}

  private final MeterRegistry registry;
  private final Tags commonTags;
  private final Map<String, OfDataCenter> byDataCenter = new ConcurrentHashMap<>();

  DrainCounters(MeterRegistry registry, Tags commonTags) {
    this.registry = registry;
    this.commonTags = commonTags;
  }

  OfDataCenter of(DataCenter dataCenter) {
    return byDataCenter.computeIfAbsent(dataCenter.name(), name -> new OfDataCenter(
        counter(FaxReportsMeters.REPORTS_EXPORTED, "Reports handed to a drain's handler", name),
        counter(FaxReportsMeters.REPORTS_DELETED, "Reports a drain deleted after its handler stored them", name),
        counter(FaxReportsMeters.REPORTS_DELETE_FAILED,
            "Exported reports whose delete failed; they are exported again later", name)));
  }

  /** No base unit: Prometheus would append it ({@code faxreports_reports_exported_reports_total}). */
  private Counter counter(String name, String description, String dataCenter) {
    return Counter.builder(name).description(description)
        .tags(commonTags).tag(FaxReportsMeters.DATA_CENTER, dataCenter).register(registry);
  }
}
