package dev.faxreports.kafka.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real single-node Kafka (KRaft, broker and controller in one) from Kafka's own test kit, on
 * loopback, with group timeouts short enough for a test to see a lost worker replaced quickly.
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
