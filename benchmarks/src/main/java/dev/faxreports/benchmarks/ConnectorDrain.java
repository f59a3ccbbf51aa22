package dev.faxreports.benchmarks;

import dev.faxreports.kafka.FaxReportsSourceConnector;
import dev.faxreports.kafka.testsupport.ConnectTestWorker;
import dev.faxreports.kafka.testsupport.KafkaTestBroker;
import dev.faxreports.model.Credentials;
import dev.faxreports.model.DataCenter;
import dev.faxreports.testkit.FakeFaxServer;
import dev.faxreports.testkit.FakeFaxService;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * One drain of the fake's reports by the connector, into a topic of one partition: timed from
 * the connector's creation until every report is on the topic and the fake is empty (each report
 * deleted after Kafka acknowledged it). Settings are the documented defaults, one task per data
 * center, values as plain JSON — what a user's first connector does.
 */
final class ConnectorDrain {

  private static final Duration PATIENCE = Duration.ofMinutes(5);
  private static final Duration READ_BACK = Duration.ofMinutes(2);

  private final KafkaTestBroker kafka;
  private final ConnectTestWorker worker;
  private final String customer;
  private final Credentials credentials;
  private int runs;

  ConnectorDrain(KafkaTestBroker kafka, ConnectTestWorker worker, String customer, Credentials credentials) {
    this.kafka = kafka;
    this.worker = worker;
    this.customer = customer;
    this.credentials = credentials;
  }

  TimedDrain drain(int perDataCenter) throws Exception {
    String name = "bench-" + ++runs; // a new topic and connector each run: the count starts at 0
    long expected = 2L * perDataCenter;
    FakeFaxService fake = FakeFaxService.europe();
    fake.seedSamples(DataCenter.DE1, perDataCenter);
    fake.seedSamples(DataCenter.DE2, perDataCenter);
    kafka.createTopic(name, 1);
    try (FakeFaxServer server = FakeFaxServer.start(fake, customer, credentials)) {
      long start = System.nanoTime();
      worker.putConnector(name, config(name, server));
      long deadline = start + PATIENCE.toNanos();
      // The end offset first (cheap); the fake's count copies its store, so it is asked only then.
      while (kafka.endOffset(name, 0) < expected || !empty(fake)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("the connector did not finish in " + PATIENCE + ": "
              + kafka.endOffset(name, 0) + " records on the topic; status " + worker.status(name));
        }
        Thread.sleep(10);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      worker.deleteConnector(name);
      long records = kafka.endOffset(name, 0);
      List<ConsumerRecord<String, String>> read = kafka.readUntil(name, r -> r.size() >= records, READ_BACK);
      int distinct = KafkaTestBroker.copiesByKey(read).size();
      if (distinct != expected) {
        throw new IllegalStateException(name + ": " + distinct + " distinct reports on the topic of " + expected);
      }
      if (records != expected) { // at-least-once allows copies; none are expected without faults
        System.err.printf("  %s: %,d copies of reports on the topic%n", name, records - expected);
      }
      return new TimedDrain(expected, seconds);
    }
  }

  private Map<String, String> config(String topic, FakeFaxServer server) {
    Map<String, String> config = new HashMap<>();
    config.put("connector.class", FaxReportsSourceConnector.class.getName());
    config.put("tasks.max", "2");
    config.put("topic", topic);
    config.put("accounts", "bench");
    config.put("account.bench.customer-number", customer);
    config.put("account.bench.username", credentials.username());
    config.put("account.bench.password", credentials.password());
    config.put("account.bench.endpoints", server.dataCenters().stream()
        .map(dc -> dc.name() + "=" + dc.baseUri()).collect(Collectors.joining(",")));
    config.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
    config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
    config.put("value.converter.schemas.enable", "false");
    return config;
  }

  private static boolean empty(FakeFaxService fake) {
    return fake.dataCenters().stream().allMatch(dc -> fake.reports(dc).isEmpty());
  }
}
