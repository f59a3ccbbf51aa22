package dev.faxreports.kafka;

import java.util.Map;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.common.metrics.internals.PluginMetricsImpl;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;

/** What a worker gives a task, minus the worker: its configuration and real Kafka metrics. */
final class FakeTaskContext implements SourceTaskContext {

  final Metrics metrics = new Metrics();
  private final Map<String, String> configs;
  private final PluginMetrics pluginMetrics;

  FakeTaskContext(Map<String, String> configs) {
    this.configs = Map.copyOf(configs);
    this.pluginMetrics = new PluginMetricsImpl(metrics, Map.of("connector", "test", "task", "0"));
  }

  @Override
  public Map<String, String> configs() {
    return configs;
  }

  @Override
  public OffsetStorageReader offsetStorageReader() {
    throw new UnsupportedOperationException("the task reads no offsets");
  }

  @Override
  public PluginMetrics pluginMetrics() {
    return pluginMetrics;
  }

  /** The value of a plugin metric of this task for {@code pair}. */
  double metric(String name, Pair pair) {
    return metrics.metrics().entrySet().stream()
        .filter(e -> e.getKey().name().equals(name) && pair.id().equals(e.getKey().tags().get("pair")))
        .map(e -> (Number) e.getValue().metricValue())
        .findFirst().orElseThrow(() -> new AssertionError("no metric " + name + " for " + pair))
        .doubleValue();
  }
}
