package dev.faxreports.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faxreports.kafka.testsupport.ConnectTestWorker;
import dev.faxreports.kafka.testsupport.KafkaTestBroker;
import dev.faxreports.model.Credentials;
import dev.faxreports.model.DataCenter;
import dev.faxreports.model.FaxReport;
import dev.faxreports.testkit.FakeFaxServer;
import dev.faxreports.testkit.FakeFaxService;
import dev.faxreports.testkit.SampleReports;
import dev.faxreports.wire.WireFormat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.json.JsonConverter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the topic keeps: records of old reports on a topic of the broker's default settings, a
 * topic Connect creates the way the documentation says, and the check that {@code
 * record.timestamp=sent} makes of the topic's retention.
 */
@ExtendWith(SharedKafka.class)
class TopicRetentionKafkaTest {

  private static final Credentials CREDENTIALS = new Credentials("kafka-user", "kafka-secret");
  private static final Duration PATIENCE = Duration.ofSeconds(90);
  private static final long SEVEN_DAYS_MS = Duration.ofDays(7).toMillis();

  private static KafkaTestBroker broker;
  private static ConnectTestWorker worker;

  @BeforeAll
  static void kafka(KafkaTestBroker sharedBroker, ConnectTestWorker sharedWorker) {
    broker = sharedBroker;
    worker = sharedWorker;
  }

  /**
   * Issue 23: every record used to be stamped with its report's first sentTs. Reports are up to 30
   * days old, so on a topic of the broker's default retention (7 days) the broker deleted them at
   * its next retention check — after the connector had deleted the reports at Retarus. Here 5,000
   * reports sent 20 days ago are drained over each transport (both at once, one topic each), the
   * broker checks retention every second, and after several checks seen (and 10 s) every record is
   * still there, byte for byte.
   */
  @Test
  void recordsOfReportsSentTwentyDaysAgoOutliveTheRetentionChecksOfATopicWithDefaultSettings() throws Exception {
    long beganMillis = System.currentTimeMillis();
    Map<String, Drain> drains = new LinkedHashMap<>();
    List<FakeFaxServer> servers = new ArrayList<>();
    try (JsonConverter converter = new JsonConverter()) {
      converter.configure(Map.of("schemas.enable", "false"), false);
      for (String transport : List.of("feign", "vertx")) {
        Drain drain = new Drain(transport, "reports-default-retention-" + transport, FakeFaxService.europe());
        Instant sent = drain.fake.now().minus(Duration.ofDays(20));
        for (DataCenter dc : drain.fake.dataCenters()) {
          for (int i = 0; i < 2_500; i++) {
            // A report carrying the bytes the fake serves, so what Kafka holds can be compared to them.
            FaxReport report = WireFormat.readReport(WireFormat.writeReport(
                SampleReports.delivered("R" + transport.charAt(0) + dc.name() + i, sent.plusSeconds(i))));
            drain.fake.seed(dc, report, sent.plusSeconds(i));
            drain.expected.put(report.jobId(), expectedValue(converter, report, dc));
          }
        }
        broker.createTopic(drain.topic, 1);
        assertThat(broker.topicConfig(drain.topic)).as("the broker's default")
            .containsEntry("retention.ms", String.valueOf(SEVEN_DAYS_MS)).containsEntry("cleanup.policy", "delete");
        FakeFaxServer server = FakeFaxServer.start(drain.fake, "12345", CREDENTIALS);
        servers.add(server);
        Map<String, String> config = connector(drain.topic, server);
        config.put("retarus.fax.transport", transport);
        drains.put(transport, drain);
        worker.putConnector(drain.connector(), config);
      }
      System.out.printf("default retention: seeded and started in %.1f s%n",
          (System.currentTimeMillis() - beganMillis) / 1000.0);
      long began = System.nanoTime();
      for (Drain drain : drains.values()) {
        awaitEmpty(drain.fake, drain.connector()); // every report deleted at Retarus: Kafka acknowledged each
      }
      Duration drained = Duration.ofNanos(System.nanoTime() - began);
      long waitBegan = System.nanoTime();
      int checks = broker.awaitRetentionChecks(5, Duration.ofSeconds(10), PATIENCE);
      Duration waited = Duration.ofNanos(System.nanoTime() - waitBegan);

      Map<String, String> problems = new LinkedHashMap<>();
      for (Drain drain : drains.values()) {
        List<ConsumerRecord<String, String>> records = broker.readAll(drain.topic);
        assertThat(records).allSatisfy(record -> assertThat(record.timestamp())
            .as("stamped when written, not 20 days ago").isGreaterThanOrEqualTo(beganMillis));
        Map<String, String> values = new HashMap<>();
        records.forEach(record -> values.put(record.key(), record.value()));
        System.out.printf("default retention, %s: %,d records written, %,d of %,d reports' records left after %d"
            + " retention checks seen in %.1f s (drained in %.1f s)%n", drain.transport, broker.endOffset(drain.topic, 0),
            values.keySet().stream().filter(drain.expected::containsKey).count(), drain.expected.size(), checks,
            waited.toMillis() / 1000.0, drained.toMillis() / 1000.0);
        long missing = drain.expected.keySet().stream().filter(id -> !values.containsKey(id)).count();
        long differing = drain.expected.entrySet().stream()
            .filter(e -> values.containsKey(e.getKey()) && !values.get(e.getKey()).equals(e.getValue())).count();
        if (missing > 0 || differing > 0 || values.size() != drain.expected.size()) {
          problems.put(drain.transport, missing + " missing, " + differing + " differing, "
              + values.size() + " keys in the topic");
        }
        worker.deleteConnector(drain.connector());
      }
      assertThat(problems).as("per transport: records lost or changed").isEmpty();
    } finally {
      servers.forEach(FakeFaxServer::close);
    }
  }

  /**
   * The documentation's topic-creation settings (docs/kafka-connect.md, and the plugin's
   * doc/README.md the same), given to a connector whose topic does not exist: Connect creates the
   * topic with them. With record.timestamp=sent the connector takes them for what the topic will
   * keep, and its records, stamped 20 days ago, outlive the broker's retention checks.
   */
  @Test
  void aTopicConnectCreatesAsTheDocumentationSaysKeepsRecordsOfOldReports() throws Exception {
    Map<String, String> documented = topicCreation(Path.of("..", "docs", "kafka-connect.md"));
    assertThat(topicCreation(Path.of("src", "main", "plugin", "README.md")))
        .as("the plugin's doc/README.md shows what docs/kafka-connect.md shows").isEqualTo(documented);
    assertThat(documented).containsKeys("topic.creation.default.replication.factor", "topic.creation.default.partitions")
        .containsAnyOf(Map.entry("topic.creation.default.retention.ms", "-1"),
            Map.entry("topic.creation.default.cleanup.policy", "compact"));
    String topic = "reports-created";
    assertThat(broker.topicExists(topic)).isFalse();
    FakeFaxService fake = FakeFaxService.europe();
    Instant sent = fake.now().minus(Duration.ofDays(20));
    Map<String, Long> sentById = new HashMap<>();
    for (DataCenter dc : fake.dataCenters()) {
      for (int i = 0; i < 10; i++) {
        FaxReport report = SampleReports.delivered("C" + dc.name() + i, sent.plusSeconds(i));
        fake.seed(dc, report, sent.plusSeconds(i));
        sentById.put(report.jobId(), sent.plusSeconds(i).toEpochMilli());
      }
    }
    try (FakeFaxServer server = FakeFaxServer.start(fake, "12345", CREDENTIALS)) {
      Map<String, String> config = connector(topic, server);
      config.putAll(documented);
      config.put("record.timestamp", "sent"); // no admin.bootstrap.servers: the topic.creation.* settings count
      worker.putConnector("created", config);
      awaitEmpty(fake, "created");

      Map<String, String> onTheTopic = broker.topicOverrides(topic);
      documented.forEach((key, value) -> {
        String name = key.substring("topic.creation.default.".length());
        if (!name.equals("replication.factor") && !name.equals("partitions")) {
          assertThat(onTheTopic).as("set on the topic Connect created").containsEntry(name, value);
        }
      });
      broker.awaitRetentionChecks(3, Duration.ZERO, PATIENCE);
      List<ConsumerRecord<String, String>> records = broker.readAll(topic);
      assertThat(records).extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(sentById.keySet());
      assertThat(records).allSatisfy(record -> assertThat(record.timestamp()).as("stamped with its sentTs")
          .isEqualTo(sentById.get(record.key())));
      worker.deleteConnector("created");
    }
  }

  @Test
  void recordTimestampSentOnATopicOfDefaultRetentionFailsTheConnectorNamingRetentionMsTheTopicAndBothValues()
      throws Exception {
    String topic = "reports-sent-default";
    broker.createTopic(topic, 1);
    Map<String, String> config = sentConnector(topic);

    assertThatThrownBy(() -> new FaxReportsSourceConnector().start(config)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("retention.ms=604800000 (7 days").hasMessageContaining("topic '" + topic + "'")
        .hasMessageContaining("service.retention.ms=2592000000 (30 days)")
        .hasMessageContaining("record.timestamp=written");
    ConfigValue recordTimestamp = new FaxReportsSourceConnector().validate(config).configValues().stream()
        .filter(value -> value.name().equals("record.timestamp")).findFirst().orElseThrow();
    assertThat(recordTimestamp.errorMessages()).singleElement().asString()
        .contains("retention.ms=604800000", topic, "2592000000");

    assertThatThrownBy(() -> worker.putConnector("sent-default", config))
        .as("the worker validates a connector before it creates it").hasStackTraceContaining("retention.ms=604800000")
        .hasStackTraceContaining(topic);

    Map<String, String> written = new HashMap<>(config);
    written.put("record.timestamp", "written"); // the default: stamped when written, the same topic will do
    startAndStop(written);
  }

  @Test
  void recordTimestampSentStartsOnlyOnATopicKnownToKeepRecordsLongerThanTheServiceKeepsReports() {
    broker.createTopic("reports-sent-forever", 1, Map.of("retention.ms", "-1"));
    broker.createTopic("reports-sent-compact", 1, Map.of("cleanup.policy", "compact"));
    broker.createTopic("reports-sent-45-days", 1, Map.of("retention.ms", String.valueOf(Duration.ofDays(45).toMillis())));
    broker.createTopic("reports-sent-30-days", 1, Map.of("retention.ms", String.valueOf(Duration.ofDays(30).toMillis())));
    broker.createTopic("reports-sent-compact-delete", 1, Map.of("cleanup.policy", "compact,delete"));

    startAndStop(sentConnector("reports-sent-forever"));
    startAndStop(sentConnector("reports-sent-compact"));
    startAndStop(sentConnector("reports-sent-45-days"));
    assertThatThrownBy(() -> startAndStop(sentConnector("reports-sent-30-days"))).isInstanceOf(ConfigException.class)
        .hasMessageContaining("retention.ms=2592000000 (30 days");
    assertThatThrownBy(() -> startAndStop(sentConnector("reports-sent-compact-delete")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("retention.ms=604800000");

    // A topic that does not exist yet: what Connect will create it with.
    Map<String, String> created = sentConnector("reports-sent-not-yet");
    created.put("topic.creation.default.replication.factor", "-1");
    created.put("topic.creation.default.partitions", "-1");
    created.put("topic.creation.default.retention.ms", "-1");
    startAndStop(created);
    created.put("topic.creation.default.retention.ms", String.valueOf(SEVEN_DAYS_MS));
    assertThatThrownBy(() -> startAndStop(created)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("retention.ms=" + SEVEN_DAYS_MS).hasMessageContaining("does not exist yet");
    assertThatThrownBy(() -> startAndStop(sentConnector("reports-sent-nobody-creates")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("not known");
    assertThat(broker.topicExists("reports-sent-not-yet")).as("the check creates nothing").isFalse();
  }

  // ---- helpers ---------------------------------------------------------------------------------

  /** The {@code topic.creation.*} settings of the JSON block that shows them in a Markdown page. */
  private static Map<String, String> topicCreation(Path page) throws java.io.IOException {
    Matcher block = Pattern.compile("```json\\n(\\{[^`]*?\"topic\\.creation\\.[^`]*?)```").matcher(Files.readString(page));
    assertThat(block.find()).as("a json block with topic.creation.* in %s", page).isTrue();
    Map<String, String> settings = new LinkedHashMap<>();
    Matcher entry = Pattern.compile("\"(topic\\.creation\\.[^\"]+)\"\\s*:\\s*\"([^\"]*)\"").matcher(block.group(1));
    while (entry.find()) {
      settings.put(entry.group(1), entry.group(2));
    }
    return settings;
  }

  private static Map<String, String> sentConnector(String topic) {
    Map<String, String> config = connector(topic, null);
    config.put("record.timestamp", "sent");
    config.put("admin.bootstrap.servers", broker.bootstrapServers());
    return config;
  }

  private static void startAndStop(Map<String, String> config) {
    FaxReportsSourceConnector connector = new FaxReportsSourceConnector();
    connector.start(config);
    connector.stop();
  }

  private static final class Drain {
    final String transport;
    final String topic;
    final FakeFaxService fake;
    final Map<String, String> expected = new HashMap<>();

    Drain(String transport, String topic, FakeFaxService fake) {
      this.transport = transport;
      this.topic = topic;
      this.fake = fake;
    }

    String connector() {
      return "retention-" + transport;
    }
  }

  /** The record value the connector writes for {@code report} with JsonConverter, schemas off. */
  private static String expectedValue(JsonConverter converter, FaxReport report, DataCenter dc) {
    return new String(converter.fromConnectData("t", ReportSchema.VALUE,
        ReportSchema.toStruct(report, "12345", dc.name())), StandardCharsets.UTF_8);
  }

  private static Map<String, String> connector(String topic, FakeFaxServer server) {
    Map<String, String> config = new HashMap<>();
    config.put("connector.class", FaxReportsSourceConnector.class.getName());
    config.put("tasks.max", "1");
    config.put("topic", topic);
    config.put("accounts", "billing");
    config.put("account.billing.customer-number", "12345");
    config.put("account.billing.username", CREDENTIALS.username());
    config.put("account.billing.password", CREDENTIALS.password());
    config.put("account.billing.endpoints", server == null ? "DE1=http://127.0.0.1:9/rest/v1"
        : server.dataCenters().stream().map(dc -> dc.name() + "=" + dc.baseUri()).collect(Collectors.joining(",")));
    config.put("poll.interval.ms", "500");
    config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
    config.put("value.converter.schemas.enable", "false");
    return config;
  }

  private static void awaitEmpty(FakeFaxService fake, String connector) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (fake.dataCenters().stream().anyMatch(dc -> !fake.reports(dc).isEmpty())) {
      assertThat(System.nanoTime()).as("the fake emptied; left: %s; status: %s", fake.dataCenters().stream()
          .map(dc -> dc.name() + "=" + fake.reports(dc).size()).toList(), worker.status(connector))
          .isLessThan(deadline);
      Thread.sleep(50);
    }
  }
}
