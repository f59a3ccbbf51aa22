package dev.faxreports.kafka;

import dev.faxreports.kafka.FaxReportsSourceConfig.RecordTimestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the topic keeps what {@code record.timestamp=sent} writes: records stamped with their
 * report's first send time, up to {@code service.retention.ms} (30 days) in the past. A topic that
 * deletes by time keeps a record until its timestamp is {@code retention.ms} old, so it must keep
 * records longer than the service keeps reports (or forever, {@code retention.ms=-1}), or not
 * delete by time at all ({@code cleanup.policy=compact}, or {@code
 * message.timestamp.type=LogAppendTime}, where the broker stamps records itself). Otherwise the
 * broker deletes the records at its next retention check, after the connector deleted the reports
 * at Retarus: they would be gone everywhere.
 *
 * <p>What the topic keeps is read from the topic itself, with an admin client on {@code
 * admin.bootstrap.servers}; for a topic that does not exist yet, or without an admin client, from
 * Connect's topic-creation settings ({@code topic.creation.GROUP.*}), with which Connect creates
 * a missing topic. Not known is refused, as is too short. {@code record.timestamp=written} needs
 * none of this: the producer stamps each record when it is written.
 */
final class TopicRetentionCheck {

  private static final Logger log = LoggerFactory.getLogger(TopicRetentionCheck.class);
  private static final String RETENTION_MS = "retention.ms";
  private static final String CLEANUP_POLICY = "cleanup.policy";
  private static final String TIMESTAMP_TYPE = "message.timestamp.type";
  private static final String TOPIC_CREATION = "topic.creation.";
  private static final Duration ADMIN_PATIENCE = Duration.ofSeconds(20);

  private TopicRetentionCheck() {}

  /**
   * What is known of the topic's settings, and where it was read.
   *
   * @param source where the values come from, for the error message
   * @param retentionMs {@code retention.ms}, or null when not known
   * @param cleanupPolicy {@code cleanup.policy}, or null when not known (then {@code delete})
   * @param timestampType {@code message.timestamp.type}, or null when not known (then {@code CreateTime})
   */
  record TopicSettings(String source, Long retentionMs, String cleanupPolicy, String timestampType) {}

  /**
   * Checks {@code config}'s topic if it has {@code record.timestamp=sent}.
   *
   * @throws ConfigException naming {@code retention.ms}, the topic and both values, if the topic
   *     is not known to keep records longer than the service keeps reports
   */
  static void check(FaxReportsSourceConfig config) {
    if (config.recordTimestamp() != RecordTimestamp.SENT) {
      return;
    }
    TopicSettings settings = read(config);
    problem(config.topic(), settings, config.serviceRetentionMs()).ifPresent(problem -> {
      throw new ConfigException(problem);
    });
    log.info("record.timestamp=sent: topic {} keeps its records long enough ({}: retention.ms={}, cleanup.policy={})",
        config.topic(), settings.source(), settings.retentionMs(), settings.cleanupPolicy());
  }

  /** What the topic will keep: read from it with an admin client, else from Connect's topic-creation settings. */
  static TopicSettings read(FaxReportsSourceConfig config) {
    Map<String, Object> admin = config.adminSettings();
    if (admin.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG) == null) {
      TopicSettings creation = fromTopicCreation(config.topic(), config.originalsStrings());
      if (creation.retentionMs() != null || creation.cleanupPolicy() != null || creation.timestampType() != null) {
        log.warn("record.timestamp=sent: the retention of topic {} is taken from {}, which Connect applies only"
            + " when it creates the topic; if the topic exists already it keeps its own settings. Set {} for the"
            + " connector to read them.", config.topic(), creation.source(), FaxReportsSourceConfig.ADMIN_BOOTSTRAP_SERVERS);
      }
      return creation;
    }
    return fromBroker(config, admin);
  }

  /**
   * Why {@code settings} do not keep records stamped with send times up to {@code serviceRetentionMs}
   * old, or empty if they do.
   */
  static Optional<String> problem(String topic, TopicSettings settings, long serviceRetentionMs) {
    if ("LogAppendTime".equalsIgnoreCase(strip(settings.timestampType()))) {
      return Optional.empty(); // the broker stamps each record with its own time when it writes it
    }
    if (settings.cleanupPolicy() != null && !policies(settings.cleanupPolicy()).contains("delete")) {
      return Optional.empty(); // compacted only: nothing is deleted for its age
    }
    Long retention = settings.retentionMs();
    if (retention != null && (retention < 0 || retention > serviceRetentionMs)) {
      return Optional.empty();
    }
    String fix = " Give the topic retention.ms=-1 (keep forever) or more than " + serviceRetentionMs
        + ", or cleanup.policy=compact, or set " + FaxReportsSourceConfig.RECORD_TIMESTAMP + "=written"
        + " (each record stamped when it is written).";
    String why = FaxReportsSourceConfig.RECORD_TIMESTAMP + "=sent stamps each record with its report's first"
        + " sentTs, up to " + FaxReportsSourceConfig.SERVICE_RETENTION_MS + "=" + serviceRetentionMs
        + " (" + human(serviceRetentionMs) + ") old";
    if (retention == null) {
      return Optional.of(why + ", but the retention.ms of topic '" + topic + "' is not known (" + settings.source()
          + "): the broker could delete those records soon after they are written, and the reports would"
          + " be deleted at Retarus by then. Set " + FaxReportsSourceConfig.ADMIN_BOOTSTRAP_SERVERS
          + " so the connector can read the topic's retention.ms, or have Connect create the topic with"
          + " topic.creation.default.retention.ms." + fix);
    }
    return Optional.of(why + ", but topic '" + topic + "' has retention.ms=" + retention + " (" + human(retention)
        + ", " + settings.source() + "), not more than " + FaxReportsSourceConfig.SERVICE_RETENTION_MS + "="
        + serviceRetentionMs + ": the broker would delete those records at its next retention check,"
        + " after their reports were deleted at Retarus." + fix);
  }

  /**
   * The settings Connect gives the topic if it creates it: those of the first {@code
   * topic.creation.groups} group whose include pattern matches the topic and exclude pattern does
   * not, else the default group's. Connect creates topics only for a connector with {@code
   * topic.creation.*} settings (and a worker with {@code topic.creation.enable}, its default).
   */
  static TopicSettings fromTopicCreation(String topic, Map<String, String> props) {
    if (props.keySet().stream().noneMatch(key -> key.startsWith(TOPIC_CREATION))) {
      return new TopicSettings("no topic.creation.* settings", null, null, null);
    }
    String group = "default";
    for (String candidate : list(props.get(TOPIC_CREATION + "groups"))) {
      if (!candidate.equals("default") && matches(topic, props, candidate)) {
        group = candidate;
        break;
      }
    }
    String prefix = TOPIC_CREATION + group + ".";
    String retention = strip(props.get(prefix + RETENTION_MS));
    Long retentionMs = null;
    if (retention != null) {
      try {
        retentionMs = Long.parseLong(retention);
      } catch (NumberFormatException e) {
        throw new ConfigException(prefix + RETENTION_MS, retention, "not a number of milliseconds");
      }
    }
    return new TopicSettings(prefix + "* (Connect's settings for creating the topic)", retentionMs,
        strip(props.get(prefix + CLEANUP_POLICY)), strip(props.get(prefix + TIMESTAMP_TYPE)));
  }

  private static boolean matches(String topic, Map<String, String> props, String group) {
    String prefix = TOPIC_CREATION + group + ".";
    List<String> include = list(props.get(prefix + "include"));
    List<String> exclude = list(props.get(prefix + "exclude"));
    return !include.isEmpty() && Pattern.compile(String.join("|", include)).matcher(topic).matches()
        && (exclude.isEmpty() || !Pattern.compile(String.join("|", exclude)).matcher(topic).matches());
  }

  /** The topic's settings as the broker applies them; for a missing topic, Connect's topic-creation settings. */
  private static TopicSettings fromBroker(FaxReportsSourceConfig config, Map<String, Object> settings) {
    Map<String, Object> admin = new HashMap<>(settings);
    admin.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "faxreports-retention-check");
    admin.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
    admin.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, String.valueOf(ADMIN_PATIENCE.toMillis()));
    String topic = config.topic();
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    try (Admin client = Admin.create(admin)) {
      Config described = client.describeConfigs(List.of(resource)).values().get(resource)
          .get(ADMIN_PATIENCE.toMillis() + 1_000, TimeUnit.MILLISECONDS);
      String retention = value(described, RETENTION_MS);
      return new TopicSettings("the topic's configuration, read with " + FaxReportsSourceConfig.ADMIN_BOOTSTRAP_SERVERS,
          retention == null ? null : Long.parseLong(retention), value(described, CLEANUP_POLICY),
          value(described, TIMESTAMP_TYPE));
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UnknownTopicOrPartitionException) {
        TopicSettings creation = fromTopicCreation(topic, config.originalsStrings());
        return new TopicSettings("the topic does not exist yet; " + creation.source(), creation.retentionMs(),
            creation.cleanupPolicy(), creation.timestampType());
      }
      throw unreadable(config, e.getCause());
    } catch (TimeoutException | RuntimeException e) {
      throw unreadable(config, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unreadable(config, e);
    }
  }

  private static ConfigException unreadable(FaxReportsSourceConfig config, Throwable cause) {
    return new ConfigException(FaxReportsSourceConfig.RECORD_TIMESTAMP + "=sent: the configuration of topic '"
        + config.topic() + "' (its retention.ms) could not be read with " + FaxReportsSourceConfig.ADMIN_BOOTSTRAP_SERVERS
        + "=" + config.adminSettings().get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG) + ": " + cause);
  }

  private static String value(Config config, String name) {
    ConfigEntry entry = config.get(name);
    return entry == null ? null : strip(entry.value());
  }

  private static List<String> policies(String cleanupPolicy) {
    List<String> policies = new ArrayList<>();
    for (String policy : cleanupPolicy.split(",")) {
      policies.add(policy.strip().toLowerCase(Locale.ROOT));
    }
    return policies;
  }

  private static List<String> list(String value) {
    List<String> items = new ArrayList<>();
    if (value != null) {
      for (String item : value.split(",")) {
        if (!item.isBlank()) {
          items.add(item.strip());
        }
      }
    }
    return items;
  }

  private static String strip(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** 604800000 → "7 days"; a value that is no whole number of days in hours or milliseconds. */
  private static String human(long millis) {
    if (millis < 0) {
      return "forever";
    }
    Duration duration = Duration.ofMillis(millis);
    if (duration.toMillis() % Duration.ofDays(1).toMillis() == 0) {
      return duration.toDays() + (duration.toDays() == 1 ? " day" : " days");
    }
    if (duration.toMillis() % Duration.ofHours(1).toMillis() == 0) {
      return duration.toHours() + " h";
    }
    return duration.toString();
  }
}
