package dev.faxreports.kafka;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceConnector;

/**
 * Kafka Connect source of Retarus Fax status reports: every report of every configured account and
 * data center into one topic, keyed by job ID, each deleted at Retarus only after Kafka
 * acknowledged its record.
 *
 * <p>The unit of work is a {@link Pair} (one account in one data center); {@link
 * #taskConfigs(int)} deals the pairs out to at most {@code tasks.max} tasks, so each pair is
 * drained by exactly one task and more tasks than pairs would idle. Delivery is at-least-once (see
 * {@link FaxReportsSourceTask}); exactly-once source support is not offered, as the job ID key
 * already makes a compacted topic or an idempotent consumer see each report once.
 */
public final class FaxReportsSourceConnector extends SourceConnector {

  private Map<String, String> props;
  private FaxReportsSourceConfig config;

  @Override
  public String version() {
    return Version.current();
  }

  /**
   * Reads the configuration and, with {@code record.timestamp=sent}, checks that the topic keeps
   * records longer than the service keeps reports ({@link TopicRetentionCheck}): a {@link
   * ConfigException} naming {@code retention.ms}, the topic and both values fails the connector
   * before any task starts.
   */
  @Override
  public void start(Map<String, String> props) {
    FaxReportsSourceConfig checked = new FaxReportsSourceConfig(props);
    TopicRetentionCheck.check(checked);
    this.config = checked;
    this.props = Map.copyOf(props);
  }

  @Override
  public Class<? extends Task> taskClass() {
    return FaxReportsSourceTask.class;
  }

  /**
   * Each task gets the connector's configuration as it is (so that values a config provider
   * supplied stay references in Connect's config topic, not secrets) plus its share of the pairs.
   */
  @Override
  public List<Map<String, String>> taskConfigs(int maxTasks) {
    List<Map<String, String>> tasks = new ArrayList<>();
    for (List<Pair> share : PairAssignment.spread(config.pairs(), maxTasks)) {
      Map<String, String> task = new HashMap<>(props);
      task.put(FaxReportsSourceConfig.TASK_PAIRS, String.join(",", share.stream().map(Pair::id).toList()));
      tasks.add(task);
    }
    return tasks;
  }

  @Override
  public void stop() {
    config = null;
  }

  @Override
  public ConfigDef config() {
    return FaxReportsSourceConfig.baseDefinition();
  }

  /**
   * Checks each key (each account's included, which {@link #config()} cannot list) and then the
   * settings together, the library's included; a problem is attached to the key it names. With
   * {@code record.timestamp=sent}, a topic that would not keep the records is a problem of {@code
   * record.timestamp}.
   */
  @Override
  public Config validate(Map<String, String> connectorConfigs) {
    ConfigDef definition = FaxReportsSourceConfig.definition(FaxReportsSourceConfig.accountNames(connectorConfigs));
    List<ConfigValue> values = definition.validate(connectorConfigs);
    if (values.stream().allMatch(value -> value.errorMessages().isEmpty())) {
      FaxReportsSourceConfig checked = null;
      try {
        checked = new FaxReportsSourceConfig(connectorConfigs);
      } catch (ConfigException e) {
        attach(values, e.getMessage());
      }
      if (checked != null) {
        try {
          TopicRetentionCheck.check(checked);
        } catch (ConfigException e) {
          values.stream().filter(value -> value.name().equals(FaxReportsSourceConfig.RECORD_TIMESTAMP))
              .findFirst().orElseThrow().addErrorMessage(e.getMessage());
        }
      }
    }
    return new Config(values);
  }

  /** Never exactly-once: at-least-once plus the job ID key is the contract (see the class doc). */
  @Override
  public ExactlyOnceSupport exactlyOnceSupport(Map<String, String> connectorConfig) {
    return ExactlyOnceSupport.UNSUPPORTED;
  }

  /**
   * Offsets carry no position here (what Kafka has is deleted at Retarus), so resetting or
   * altering them is harmless and allowed.
   */
  @Override
  public boolean alterOffsets(Map<String, String> connectorConfig, Map<Map<String, ?>, Map<String, ?>> offsets) {
    return true;
  }

  /** Puts {@code message} on the key it starts with, or on {@code accounts} when it names none. */
  private static void attach(List<ConfigValue> values, String message) {
    ConfigValue target = values.stream()
        .filter(value -> message.contains(value.name()))
        .max(java.util.Comparator.comparingInt(value -> value.name().length()))
        .orElseGet(() -> values.stream()
            .filter(value -> value.name().equals(FaxReportsSourceConfig.ACCOUNTS)).findFirst().orElseThrow());
    target.addErrorMessage(message);
  }
}
