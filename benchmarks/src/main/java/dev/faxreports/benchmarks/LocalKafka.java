package dev.faxreports.benchmarks;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real single-node Kafka (KRaft, broker and controller in one) in this JVM, on loopback, from
 * Kafka's own test kit — the same kit the connector's integration tests use, so the row measures
 * the broker those tests trust. Topics here have one partition: a topic's end offset is then its
 * record count.
 */
final class LocalKafka implements AutoCloseable {

  private final KafkaClusterTestKit cluster;
  private final Admin admin;

  private LocalKafka(KafkaClusterTestKit cluster) {
    this.cluster = cluster;
    this.admin = cluster.admin();
  }

  static LocalKafka start() throws Exception {
    KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
            .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
        .setConfigProp("group.initial.rebalance.delay.ms", "0")
        .setConfigProp("offsets.topic.replication.factor", "1")
        .setConfigProp("offsets.topic.num.partitions", "1")
        .setConfigProp("transaction.state.log.replication.factor", "1")
        .setConfigProp("transaction.state.log.min.isr", "1")
        .build();
    try {
      cluster.format();
      cluster.startup();
      cluster.waitForReadyBrokers();
    } catch (Exception e) {
      cluster.close();
      throw e;
    }
    return new LocalKafka(cluster);
  }

  String bootstrapServers() {
    return cluster.bootstrapServers();
  }

  void createSinglePartitionTopic(String name) throws ExecutionException, InterruptedException {
    admin.createTopics(List.of(new NewTopic(name, 1, (short) 1))).all().get();
  }

  /** The topic's end offset: how many records it holds (one partition, nothing deleted). */
  long records(String topic) throws ExecutionException, InterruptedException {
    TopicPartition partition = new TopicPartition(topic, 0);
    return admin.listOffsets(Map.of(partition, OffsetSpec.latest())).partitionResult(partition).get().offset();
  }

  /** Reads the topic's first {@code records} records and counts their distinct keys (the job IDs). */
  int distinctKeys(String topic, long records) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
    Set<String> keys = new HashSet<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      TopicPartition partition = new TopicPartition(topic, 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long read = 0;
      long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
      while (read < records && System.nanoTime() < deadline) {
        for (var record : consumer.poll(Duration.ofMillis(200))) {
          keys.add(record.key());
          read++;
        }
      }
    }
    return keys.size();
  }

  /** Stops the broker; declares no InterruptedException (try-with-resources must not swallow one). */
  @Override
  public void close() {
    admin.close();
    try {
      cluster.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      throw new IllegalStateException("stopping the broker failed", e);
    }
  }
}
