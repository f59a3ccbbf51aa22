package dev.faxreports.benchmarks;

import dev.faxreports.kafka.FaxReportsSourceConnector;
import dev.faxreports.model.Credentials;
import dev.faxreports.model.DataCenter;
import dev.faxreports.testkit.FakeFaxServer;
import dev.faxreports.testkit.FakeFaxService;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One drain of the fake's reports by the connector, into a topic of one partition: timed from
 * the connector's creation until every report is on the topic and the fake is empty (each report
 * deleted after Kafka acknowledged it). Settings are the documented defaults, one task per data
 * center, values as plain JSON — what a user's first connector does.
 */
final class ConnectorDrain {

  private static final Duration PATIENCE = Duration.ofMinutes(5);

  private final LocalKafka kafka;
  private final LocalConnectWorker worker;
  private final String customer;
  private final Credentials credentials;
  private int runs;

  ConnectorDrain(LocalKafka kafka, LocalConnectWorker worker, String customer, Credentials credentials) {
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
    kafka.createSinglePartitionTopic(name);
    try (FakeFaxServer server = FakeFaxServer.start(fake, customer, credentials)) {
      long start = System.nanoTime();
      worker.putConnector(name, config(name, server));
      long deadline = start + PATIENCE.toNanos();
      // The end offset first (cheap); the fake's count copies its store, so it is asked only then.
      while (kafka.records(name) < expected || !empty(fake)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("the connector did not finish in " + PATIENCE + ": "
              + kafka.records(name) + " records on the topic; status " + worker.status(name));
        }
        Thread.sleep(10);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      worker.deleteConnector(name);
      long records = kafka.records(name);
      int distinct = kafka.distinctKeys(name, records);
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
