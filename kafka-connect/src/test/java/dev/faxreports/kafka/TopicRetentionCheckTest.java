package dev.faxreports.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faxreports.kafka.TopicRetentionCheck.TopicSettings;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

/** The rule of {@code record.timestamp=sent} without a broker: what the topic keeps, as the settings say. */
class TopicRetentionCheckTest {

  private static final long THIRTY_DAYS = Duration.ofDays(30).toMillis();

  @Test
  void aTopicKeepsRecordsOfOldReportsIfItKeepsThemLongerThanTheServiceKeepsReportsOrNotByTime() {
    assertThat(problem(-1L, "delete", null)).as("forever").isNull();
    assertThat(problem(THIRTY_DAYS + 1, "delete", null)).isNull();
    assertThat(problem(null, "compact", null)).as("compacted, not deleted by age").isNull();
    assertThat(problem(Duration.ofDays(7).toMillis(), "compact", null)).isNull();
    assertThat(problem(Duration.ofDays(7).toMillis(), "delete", "LogAppendTime")).as("the broker stamps").isNull();

    assertThat(problem(THIRTY_DAYS, "delete", null)).as("not longer").contains("retention.ms=2592000000 (30 days");
    assertThat(problem(Duration.ofDays(7).toMillis(), "compact,delete", "CreateTime"))
        .contains("retention.ms=604800000 (7 days").contains("topic 'reports'")
        .contains("service.retention.ms=2592000000 (30 days)");
    assertThat(problem(Duration.ofHours(36).toMillis(), null, null)).contains("(36 h");
    assertThat(problem(null, null, null)).contains("not known").contains("admin.bootstrap.servers")
        .contains("topic.creation.default.retention.ms");
  }

  @Test
  void theServiceRetentionIsASetting() {
    long sixtyDays = Duration.ofDays(60).toMillis();
    assertThat(TopicRetentionCheck.problem("reports", new TopicSettings("test", Duration.ofDays(45).toMillis(), "delete", null),
        sixtyDays)).get().asString().contains("service.retention.ms=5184000000 (60 days)");
  }

  @Test
  void connectCreatesATopicWithTheSettingsOfTheFirstGroupThatMatchesItElseTheDefaultGroup() {
    Map<String, String> props = new HashMap<>();
    props.put("topic.creation.default.replication.factor", "-1");
    props.put("topic.creation.default.partitions", "-1");
    props.put("topic.creation.default.retention.ms", "-1");
    props.put("topic.creation.groups", "audit,other");
    props.put("topic.creation.audit.include", "fax\\..*");
    props.put("topic.creation.audit.exclude", "fax\\.test.*");
    props.put("topic.creation.audit.retention.ms", "86400000");
    props.put("topic.creation.other.include", ".*");
    props.put("topic.creation.other.cleanup.policy", "compact");

    assertThat(TopicRetentionCheck.fromTopicCreation("fax.reports", props).retentionMs()).isEqualTo(86_400_000L);
    assertThat(TopicRetentionCheck.fromTopicCreation("fax.test.reports", props).cleanupPolicy()).isEqualTo("compact");
    props.remove("topic.creation.groups");
    TopicSettings settings = TopicRetentionCheck.fromTopicCreation("fax.reports", props);
    assertThat(settings.retentionMs()).isEqualTo(-1L);
    assertThat(settings.source()).contains("topic.creation.default.");
  }

  @Test
  void withoutAnAdminClientTheTopicCreationSettingsDecide() {
    Map<String, String> props = config();
    props.put("topic.creation.default.retention.ms", "-1");
    TopicRetentionCheck.check(new FaxReportsSourceConfig(props));

    props.put("topic.creation.default.retention.ms", String.valueOf(Duration.ofDays(7).toMillis()));
    assertThatThrownBy(() -> TopicRetentionCheck.check(new FaxReportsSourceConfig(props)))
        .isInstanceOf(ConfigException.class).hasMessageContaining("retention.ms=604800000")
        .hasMessageContaining("topic.creation.default.");

    props.remove("topic.creation.default.retention.ms");
    props.put("topic.creation.default.replication.factor", "-1");
    assertThatThrownBy(() -> TopicRetentionCheck.check(new FaxReportsSourceConfig(props)))
        .as("the broker's default retention, unknown here").isInstanceOf(ConfigException.class)
        .hasMessageContaining("not known");
    props.remove("topic.creation.default.replication.factor");
    assertThatThrownBy(() -> TopicRetentionCheck.check(new FaxReportsSourceConfig(props)))
        .isInstanceOf(ConfigException.class).hasMessageContaining("not known");

    props.put("record.timestamp", "written");
    TopicRetentionCheck.check(new FaxReportsSourceConfig(props)); // nothing to check: stamped when written
  }

  @Test
  void theAdminClientsSettingsAreTheAdminKeysButNotConnectsOwnOverrides() {
    Map<String, String> props = config();
    props.put("admin.bootstrap.servers", "kafka:9092");
    props.put("admin.security.protocol", "SASL_SSL");
    props.put("admin.override.bootstrap.servers", "elsewhere:9092");
    assertThat(new FaxReportsSourceConfig(props).adminSettings())
        .containsOnly(Map.entry("bootstrap.servers", "kafka:9092"), Map.entry("security.protocol", "SASL_SSL"));
  }

  @Test
  void recordTimestampIsWrittenUnlessSaidOtherwiseAndTheServiceKeepsReports30Days() {
    FaxReportsSourceConfig config = new FaxReportsSourceConfig(Map.of("accounts", "billing",
        "account.billing.customer-number", "12345", "account.billing.username", "user",
        "account.billing.password", "secret", "retarus.fax.region", "EUROPE", "topic", "reports"));
    assertThat(config.recordTimestamp()).isEqualTo(FaxReportsSourceConfig.RecordTimestamp.WRITTEN);
    assertThat(config.serviceRetentionMs()).isEqualTo(THIRTY_DAYS);
    assertThatThrownBy(() -> new FaxReportsSourceConfig(Map.of("accounts", "billing",
        "account.billing.customer-number", "12345", "account.billing.username", "user",
        "account.billing.password", "secret", "retarus.fax.region", "EUROPE", "topic", "reports",
        "record.timestamp", "event"))).isInstanceOf(ConfigException.class).hasMessageContaining("record.timestamp");
  }

  private static String problem(Long retentionMs, String cleanupPolicy, String timestampType) {
    return TopicRetentionCheck.problem("reports", new TopicSettings("test", retentionMs, cleanupPolicy, timestampType),
        THIRTY_DAYS).orElse(null);
  }

  private static Map<String, String> config() {
    Map<String, String> props = new HashMap<>(Map.of("accounts", "billing",
        "account.billing.customer-number", "12345", "account.billing.username", "user",
        "account.billing.password", "secret", "retarus.fax.region", "EUROPE", "topic", "reports"));
    props.put("record.timestamp", "sent");
    return props;
  }
}
