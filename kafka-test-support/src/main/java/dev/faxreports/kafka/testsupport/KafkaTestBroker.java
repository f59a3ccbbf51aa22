package dev.faxreports.kafka.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real single-node Kafka (KRaft, broker and controller in one) from Kafka's own test kit, on
 * loopback, with group timeouts short enough for a test to see a lost worker replaced quickly.
 * Topics get the broker's default settings (a retention of 7 days); the broker checks retention
 * every second from its start ({@code log.retention.check.interval.ms=1000}, {@code
 * log.initial.task.delay.ms=0}, instead of every 5 minutes after 30 s), so a test sees within
 * seconds what a topic's retention does to its records.
 */
public final class KafkaTestBroker implements AutoCloseable {

  private static final Duration ADMIN_PATIENCE = Duration.ofSeconds(30);

  private final KafkaClusterTestKit cluster;
  private final Admin admin;

  private KafkaTestBroker(KafkaClusterTestKit cluster) {
    this.cluster = cluster;
    this.admin = cluster.admin();
  }

  /**
   * Formats and starts the broker and waits until it serves.
   *
   * @return the running broker; close it to stop it
   */
  public static KafkaTestBroker start() {
    KafkaClusterTestKit cluster;
    try {
      cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
              .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
          .setConfigProp("group.min.session.timeout.ms", "1000")
          .setConfigProp("group.initial.rebalance.delay.ms", "0")
          .setConfigProp("offsets.topic.replication.factor", "1")
          .setConfigProp("offsets.topic.num.partitions", "1")
          .setConfigProp("transaction.state.log.replication.factor", "1")
          .setConfigProp("transaction.state.log.min.isr", "1")
          .setConfigProp("log.retention.check.interval.ms", "1000")
          .setConfigProp("log.initial.task.delay.ms", "0")
          .build();
    } catch (Exception e) {
      throw new IllegalStateException("configuring the broker failed", e);
    }
    try {
      cluster.format();
      cluster.startup();
      cluster.waitForReadyBrokers();
      return new KafkaTestBroker(cluster);
    } catch (Exception e) {
      stop(cluster, e);
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalStateException("starting the broker failed", e);
    }
  }

  /**
   * Where clients connect.
   *
   * @return the broker's {@code bootstrap.servers}
   */
  public String bootstrapServers() {
    return cluster.bootstrapServers();
  }

  /**
   * Creates a topic, replication factor 1, and waits until it exists.
   *
   * @param name the topic
   * @param partitions how many partitions it has
   */
  public void createTopic(String name, int partitions) {
    Await.result(admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all(),
        ADMIN_PATIENCE, "creating topic " + name);
  }

  /**
   * Creates a topic with these topic configurations, replication factor 1, and waits until it
   * exists.
   *
   * @param name the topic
   * @param partitions how many partitions it has
   * @param configs topic configurations such as {@code retention.ms}
   */
  public void createTopic(String name, int partitions, Map<String, String> configs) {
    Await.result(admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1).configs(configs))).all(),
        ADMIN_PATIENCE, "creating topic " + name);
  }

  /**
   * Whether a topic exists.
   *
   * @param name the topic
   * @return whether the broker lists it
   */
  public boolean topicExists(String name) {
    return Await.result(admin.listTopics().names(), ADMIN_PATIENCE, "listing topics").contains(name);
  }

  /**
   * A topic's configuration as the broker applies it: every key, set on the topic or not.
   *
   * @param topic the topic
   * @return each configuration's value (absent for a value the broker does not show)
   */
  public Map<String, String> topicConfig(String topic) {
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    Config config = Await.result(admin.describeConfigs(List.of(resource)).values().get(resource),
        ADMIN_PATIENCE, "the configuration of topic " + topic);
    Map<String, String> values = new TreeMap<>();
    config.entries().stream().filter(entry -> entry.value() != null)
        .forEach(entry -> values.put(entry.name(), entry.value()));
    return values;
  }

  /**
   * The configurations set on a topic itself, not the broker's defaults.
   *
   * @param topic the topic
   * @return each configuration set on the topic, and its value
   */
  public Map<String, String> topicOverrides(String topic) {
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    Config config = Await.result(admin.describeConfigs(List.of(resource)).values().get(resource),
        ADMIN_PATIENCE, "the configuration of topic " + topic);
    Map<String, String> values = new TreeMap<>();
    config.entries().stream().filter(entry -> entry.source() == ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG)
        .forEach(entry -> values.put(entry.name(), entry.value()));
    return values;
  }

  /**
   * Waits until the broker's retention check has deleted what it would, {@code passes} times over,
   * as seen, and at least {@code atLeast} has passed: a canary record stamped eight days ago (older
   * than the default retention of 7 days) goes to a topic of default settings, and the broker is
   * seen to delete it (its log start offset moves past it), then the next canary, and so on. One
   * deletion is one retention check; each check looks at every topic. As the first check seen may
   * have begun before this call, {@code passes} deletions mean at least {@code passes - 1} whole
   * checks of every topic after the call began.
   *
   * @param passes how many canaries the broker must be seen to delete
   * @param atLeast how long to go on at least, however many checks that makes
   * @param patience how long to wait at most
   * @return the number of canaries seen deleted
   */
  public int awaitRetentionChecks(int passes, Duration atLeast, Duration patience) {
    String canary = "retention-canary";
    if (!topicExists(canary)) {
      createTopic(canary, 1);
    }
    long began = System.nanoTime();
    long deadline = began + patience.toNanos();
    int seen = 0;
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
      while (seen < passes || System.nanoTime() - began < atLeast.toNanos()) {
        long stamped = System.currentTimeMillis() - Duration.ofDays(8).toMillis();
        long offset = Await.result(producer.send(new ProducerRecord<>(canary, 0, stamped, "canary", "old")),
            ADMIN_PATIENCE, "writing a canary").offset();
        while (earliestOffset(canary, 0) <= offset) {
          if (System.nanoTime() - deadline > 0) {
            throw new IllegalStateException("the broker's retention check deleted " + seen
                + " canaries within " + patience + ", not " + passes);
          }
          pause();
        }
        seen++;
      }
    }
    return seen;
  }

  /**
   * The first offset of a topic's partition still held: it moves on as retention deletes.
   *
   * @param topic the topic
   * @param partition its partition
   * @return the partition's log start offset
   */
  public long earliestOffset(String topic, int partition) {
    TopicPartition topicPartition = new TopicPartition(topic, partition);
    return Await.result(admin.listOffsets(Map.of(topicPartition, OffsetSpec.earliest())).partitionResult(topicPartition),
        ADMIN_PATIENCE, "the log start offset of " + topicPartition).offset();
  }

  /**
   * The end offset of a topic's partition: on a one-partition topic nothing is deleted from, the
   * number of records it holds.
   *
   * @param topic the topic
   * @param partition its partition
   * @return the partition's end offset
   */
  public long endOffset(String topic, int partition) {
    TopicPartition topicPartition = new TopicPartition(topic, partition);
    return Await.result(admin.listOffsets(Map.of(topicPartition, OffsetSpec.latest())).partitionResult(topicPartition),
        ADMIN_PATIENCE, "the end offset of " + topicPartition).offset();
  }

  /**
   * Reads {@code topic} from the start until {@code enough} holds for what was read, or {@code
   * timeout} passed.
   *
   * @param topic the topic, every partition of it
   * @param enough when to stop, asked after each poll
   * @param timeout when to stop at the latest
   * @return every record read, keys and values as strings
   */
  public List<ConsumerRecord<String, String>> readUntil(
      String topic, Predicate<List<ConsumerRecord<String, String>>> enough, Duration timeout) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
    List<ConsumerRecord<String, String>> read = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(info -> new TopicPartition(topic, info.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (!enough.test(read) && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(read::add);
      }
    }
    return read;
  }

  /**
   * Reads every record a topic holds now: from each partition's start up to its end offset as it
   * was when the call began, without waiting for more.
   *
   * @param topic the topic, every partition of it
   * @return the records, keys and values as strings
   */
  public List<ConsumerRecord<String, String>> readAll(String topic) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
    List<ConsumerRecord<String, String>> read = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(info -> new TopicPartition(topic, info.partition())).toList();
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long deadline = System.nanoTime() + ADMIN_PATIENCE.toNanos();
      while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
        if (System.nanoTime() - deadline > 0) {
          throw new IllegalStateException("reading " + topic + " up to " + ends + " took longer than " + ADMIN_PATIENCE);
        }
        consumer.poll(Duration.ofMillis(200)).forEach(read::add);
      }
    }
    return read;
  }

  /**
   * How many copies of each key {@code records} hold.
   *
   * @param records records as {@link #readUntil} returns them
   * @return the number of records per key
   */
  public static Map<String, Integer> copiesByKey(List<ConsumerRecord<String, String>> records) {
    Map<String, Integer> copies = new HashMap<>();
    records.forEach(record -> copies.merge(record.key(), 1, Integer::sum));
    return copies;
  }

  /** Stops the broker; declares no InterruptedException (try-with-resources must not swallow one). */
  @Override
  public void close() {
    admin.close();
    stop(cluster, null);
  }

  private static void pause() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the retention check", e);
    }
  }

  /** Closes {@code cluster}; a failure is added to {@code pending} if there is one, else thrown. */
  private static void stop(KafkaClusterTestKit cluster, Exception pending) {
    try {
      cluster.close();
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      if (pending != null) {
        pending.addSuppressed(e);
      } else if (!(e instanceof InterruptedException)) {
        throw new IllegalStateException("stopping the broker failed", e);
      }
    }
  }
}
