package dev.faxreports.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faxreports.kafka.testsupport.ConnectTestWorker;
import dev.faxreports.kafka.testsupport.KafkaTestBroker;
import dev.faxreports.model.Credentials;
import dev.faxreports.model.DataCenter;
import dev.faxreports.model.FaxReport;
import dev.faxreports.port.FaxReportsTransport;
import dev.faxreports.testkit.FakeFaxServer;
import dev.faxreports.testkit.FakeFaxService;
import dev.faxreports.testkit.Fault;
import dev.faxreports.testkit.Operation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.connect.runtime.rest.entities.TaskInfo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connector in a real Connect worker against a real broker (shared by the module's test
 * classes, {@link SharedKafka}), draining the testkit's HTTP fake: every report reaches the topic
 * keyed by job ID, the fake ends empty — with faults injected, with a worker killed mid-run (and
 * killed while every delete fails: the duplicates' bound, a page per pair, reached), and with two
 * accounts spread over two tasks.
 */
@ExtendWith(SharedKafka.class)
class FaxReportsSourceConnectorKafkaTest {

  private static final Credentials CREDENTIALS = new Credentials("kafka-user", "kafka-secret");
  private static final Duration PATIENCE = Duration.ofSeconds(90);
  /** The service lists a data center's oldest 1000: a pair's page. */
  private static final int MAX_IDS_PER_PAGE = FaxReportsTransport.MAX_IDS_PER_REQUEST;

  private static KafkaTestBroker broker;
  private static ConnectTestWorker worker;

  @BeforeAll
  static void kafka(KafkaTestBroker sharedBroker, ConnectTestWorker sharedWorker) {
    broker = sharedBroker;
    worker = sharedWorker;
  }

  @Test
  void everyReportOfTwoDataCentersReachesTheTopicDespiteFaultsAndTheServiceEndsEmpty() throws Exception {
    FakeFaxService fake = FakeFaxService.europe();
    Set<String> seeded = seed(fake, 10_000);
    fake.faults().randomly(16, 0.05, List.of(Fault.unavailable(), Fault.connectionClosedMidBody(),
        Fault.unknownError(), Fault.connectionClosedBeforeResponse()));
    broker.createTopic("reports-faults", 3);
    try (FakeFaxServer server = FakeFaxServer.start(fake, "12345", CREDENTIALS)) {
      long began = System.nanoTime();
      worker.putConnector("faults", connector("reports-faults", "2", Map.of("billing", server)));

      List<ConsumerRecord<String, String>> records = readAll("reports-faults", seeded.size(), "faults");
      Duration took = Duration.ofNanos(System.nanoTime() - began);
      awaitEmpty(fake);
      worker.deleteConnector("faults");

      Map<String, Integer> copies = KafkaTestBroker.copiesByKey(records);
      assertThat(copies.keySet()).containsExactlyInAnyOrderElementsOf(seeded);
      assertThat(records.get(0).value()).as("JsonConverter with schemas: the schema travels along")
          .contains("\"schema\"").contains("dev.faxreports.kafka.FaxReport").contains("\"originalJson\"");
      report("faults", seeded.size(), copies, took);
    }
  }

  @Test
  void aWorkerKilledMidRunLosesNothingAndItsReplacementFinishes(@TempDir Path directory) throws Exception {
    FakeFaxService fake = FakeFaxService.europe();
    Set<String> seeded = seed(fake, 10_000);
    // Slow answers, so that the kill finds reports produced and not yet deleted.
    fake.dataCenters().forEach(dc -> fake.faults().latency(dc, Duration.ofMillis(60)));
    broker.createTopic("reports-killed", 1);
    try (FakeFaxServer server = FakeFaxServer.start(fake, "12345", CREDENTIALS)) {
      Map<String, String> config = connector("reports-killed", "1", Map.of("billing", server));
      config.put("name", "killed");
      long began = System.nanoTime();
      Process child = ConnectTestWorker.standaloneChild(broker.bootstrapServers(), directory, config);
      int beforeKill;
      int leftAtKill;
      try {
        beforeKill = broker.readUntil("reports-killed", read -> read.size() >= 3_000, PATIENCE).size();
        assertThat(beforeKill).as("the child worker produced (see %s)", directory.resolve("worker.log"))
            .isGreaterThanOrEqualTo(3_000);
      } finally {
        child.destroyForcibly().waitFor(); // SIGKILL: no task stop, no flush, no last delete
      }
      leftAtKill = fake.reports(DataCenter.DE1).size() + fake.reports(DataCenter.DE2).size();
      assertThat(leftAtKill).as("the kill came mid-run").isPositive();
      fake.dataCenters().forEach(dc -> fake.faults().latency(dc, Duration.ZERO));

      try (ConnectTestWorker replacement = ConnectTestWorker.standalone(broker.bootstrapServers(), directory.resolve("offsets-2"))) {
        replacement.putConnector("killed", config);
        List<ConsumerRecord<String, String>> records = broker.readUntil("reports-killed",
            read -> KafkaTestBroker.copiesByKey(read).size() >= seeded.size(), PATIENCE);
        Duration took = Duration.ofNanos(System.nanoTime() - began);
        awaitEmpty(fake);

        Map<String, Integer> copies = KafkaTestBroker.copiesByKey(records);
        assertThat(copies.keySet()).containsExactlyInAnyOrderElementsOf(seeded);
        System.out.printf("killed: %,d records in Kafka when the worker was killed, %,d reports still at the fake%n",
            beforeKill, leftAtKill);
        report("killed", seeded.size(), copies, took);
        assertThat(duplicates(copies)).as("at most the reports in flight: a page (1000) per pair, two pairs")
            .isLessThanOrEqualTo(MAX_IDS_PER_PAGE * 2);
      }
    }
  }

  /**
   * The bound of duplicates after a crash, reached: every delete fails, so all a task has in flight
   * stays in flight — for each pair the one page the service lists, its oldest 1000, written to
   * Kafka and not deleted. Listed again and again, the page brings nothing new, so the task produces
   * no more. Killed (SIGKILL: no stop, no flush), its replacement produces those pages again: exactly
   * 1000 × pairs duplicates, and not one more.
   */
  @Test
  void aWorkerKilledWhileNoDeleteGoesThroughLeavesAtMostAPagePerPairTwice(@TempDir Path directory) throws Exception {
    FakeFaxService fake = FakeFaxService.europe();
    Set<String> seeded = seed(fake, 1_500); // a page and a half per data center
    fake.faults().failNext(Operation.BULK_DELETE, Integer.MAX_VALUE, Fault.unavailable());
    int pairs = fake.dataCenters().size(); // one account
    int bound = MAX_IDS_PER_PAGE * pairs;
    broker.createTopic("reports-bound", 1);
    try (FakeFaxServer server = FakeFaxServer.start(fake, "12345", CREDENTIALS)) {
      Map<String, String> config = connector("reports-bound", "1", Map.of("billing", server));
      config.put("name", "bound");
      long began = System.nanoTime();
      Process child = ConnectTestWorker.standaloneChild(broker.bootstrapServers(), directory, config);
      try {
        // Seen: a page per pair in Kafka, a delete tried for each of its reports (so Kafka acknowledged
        // every one), and then two more listings of each data center: the task goes on, and has
        // nothing new to produce.
        awaitCondition(() -> broker.endOffset("reports-bound", 0) >= bound
            && deleteTried(fake).size() >= bound, "a page per pair written and its delete tried; see "
            + directory.resolve("worker.log"));
        Map<DataCenter, Integer> listings = new HashMap<>();
        fake.dataCenters().forEach(dc -> listings.put(dc, fake.calls(dc, Operation.LIST).size()));
        awaitCondition(() -> fake.dataCenters().stream()
            .allMatch(dc -> fake.calls(dc, Operation.LIST).size() >= listings.get(dc) + 2), "two more listings");
      } finally {
        child.destroyForcibly().waitFor(); // SIGKILL: no task stop, no flush, no last delete
      }
      assertThat(broker.endOffset("reports-bound", 0)).as("in Kafka at the kill: a page per pair, no more").isEqualTo(bound);
      assertThat(deleteTried(fake)).as("deletes tried: that page's reports only").hasSize(bound);
      assertThat(fake.dataCenters().stream().mapToInt(dc -> fake.reports(dc).size()).sum())
          .as("nothing deleted").isEqualTo(seeded.size());
      fake.faults().clear();

      try (ConnectTestWorker replacement = ConnectTestWorker.standalone(broker.bootstrapServers(), directory.resolve("offsets-2"))) {
        replacement.putConnector("bound", config);
        awaitEmpty(fake); // every report deleted: Kafka has written every record
        Map<String, Integer> copies = KafkaTestBroker.copiesByKey(broker.readAll("reports-bound"));
        Duration took = Duration.ofNanos(System.nanoTime() - began);
        assertThat(copies.keySet()).containsExactlyInAnyOrderElementsOf(seeded);
        report("bound", seeded.size(), copies, took);
        assertThat(duplicates(copies)).as("1000 x %d pairs", pairs).isLessThanOrEqualTo(bound).isEqualTo(bound);
      }
    }
  }

  @Test
  void twoAccountsTimesTwoDataCentersOverTwoTasksEachPairDrainedByOneTask() throws Exception {
    FakeFaxService billing = FakeFaxService.europe();
    FakeFaxService sales = FakeFaxService.europe();
    Set<String> seeded = new HashSet<>();
    seeded.addAll(seed(billing, 1_500));
    for (DataCenter dc : sales.dataCenters()) { // other IDs than billing's
      sales.seed(dc, dev.faxreports.testkit.SampleReports.generate("S" + dc.name(), 1_500,
          java.time.Instant.now(), 7).stream().peek(r -> seeded.add(r.jobId())).toList());
    }
    broker.createTopic("reports-accounts", 1);
    try (FakeFaxServer billingServer = FakeFaxServer.start(billing, "12345", CREDENTIALS);
        FakeFaxServer salesServer = FakeFaxServer.start(sales, "67890", new Credentials("sales", "sales-secret"))) {
      Map<String, FakeFaxServer> accounts = new java.util.LinkedHashMap<>();
      accounts.put("billing", billingServer);
      accounts.put("sales", salesServer);
      Map<String, String> config = connector("reports-accounts", "2", accounts);
      config.put("account.sales.customer-number", "67890");
      config.put("account.sales.username", "sales");
      config.put("account.sales.password", "sales-secret");
      long began = System.nanoTime();
      worker.putConnector("accounts", config);

      List<ConsumerRecord<String, String>> records = readAll("reports-accounts", seeded.size(), "accounts");
      Duration took = Duration.ofNanos(System.nanoTime() - began);
      awaitEmpty(billing);
      awaitEmpty(sales);

      List<TaskInfo> tasks = worker.taskConfigs("accounts");
      List<String> pairs = new ArrayList<>();
      tasks.forEach(task -> pairs.addAll(List.of(task.config().get("task.pairs").split(","))));
      assertThat(tasks).hasSize(2);
      assertThat(pairs).containsExactlyInAnyOrder("billing@DE1", "billing@DE2", "sales@DE1", "sales@DE2");
      assertThat(tasks).allSatisfy(task -> assertThat(task.config().get("task.pairs").split(",")).hasSize(2));
      assertThat(KafkaTestBroker.copiesByKey(records).keySet()).containsExactlyInAnyOrderElementsOf(seeded);
      assertThat(records).allSatisfy(record -> assertThat(record.value())
          .as("schemas off: the plain report").doesNotContain("\"schema\"").contains("\"customerNumber\""));
      // The plugin metrics in JMX: each pair under exactly one task, having produced its reports.
      var jmx = java.lang.management.ManagementFactory.getPlatformMBeanServer();
      var beans = jmx.queryNames(new javax.management.ObjectName("kafka.connect:connector=accounts,pair=*,*"), null);
      Map<String, List<String>> tasksByPair = new HashMap<>();
      for (var bean : beans) {
        tasksByPair.computeIfAbsent(javax.management.ObjectName.unquote(bean.getKeyProperty("pair")), p -> new ArrayList<>()).add(bean.getKeyProperty("task"));
        assertThat((Double) jmx.getAttribute(bean, "reports-produced-total")).as("%s", bean).isGreaterThan(0);
      }
      assertThat(tasksByPair).as("JMX beans %s", beans).containsOnlyKeys("billing@DE1", "billing@DE2", "sales@DE1", "sales@DE2")
          .allSatisfy((pair, onTasks) -> assertThat(onTasks).hasSize(1));
      worker.deleteConnector("accounts");
      report("accounts", seeded.size(), KafkaTestBroker.copiesByKey(records), took);
    }
  }

  // ---- helpers ---------------------------------------------------------------------------------

  private static Set<String> seed(FakeFaxService fake, int perDataCenter) {
    Set<String> ids = new HashSet<>();
    for (DataCenter dc : fake.dataCenters()) {
      fake.seedSamples(dc, perDataCenter).stream().map(FaxReport::jobId).forEach(ids::add);
    }
    assertThat(ids).hasSize(perDataCenter * fake.dataCenters().size());
    return ids;
  }

  /** A connector draining each account's fake server, all accounts with billing's credentials unless changed. */
  private static Map<String, String> connector(String topic, String tasks, Map<String, FakeFaxServer> accounts) {
    Map<String, String> config = new HashMap<>();
    config.put("connector.class", FaxReportsSourceConnector.class.getName());
    config.put("tasks.max", tasks);
    config.put("topic", topic);
    config.put("accounts", String.join(",", accounts.keySet()));
    accounts.forEach((name, server) -> {
      config.put("account." + name + ".customer-number", "12345");
      config.put("account." + name + ".username", CREDENTIALS.username());
      config.put("account." + name + ".password", CREDENTIALS.password());
      config.put("account." + name + ".endpoints", server.dataCenters().stream()
          .map(dc -> dc.name() + "=" + dc.baseUri()).collect(Collectors.joining(",")));
    });
    config.put("poll.interval.ms", "500");
    config.put("retry.backoff.max.ms", "2000");
    config.put("retarus.fax.max-attempts", "6");
    config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
    config.put("value.converter.schemas.enable", topic.equals("reports-faults") ? "true" : "false");
    return config;
  }

  private static List<ConsumerRecord<String, String>> readAll(String topic, int distinct, String connector) {
    List<ConsumerRecord<String, String>> records = broker.readUntil(topic,
        read -> KafkaTestBroker.copiesByKey(read).size() >= distinct, PATIENCE);
    assertThat(KafkaTestBroker.copiesByKey(records)).as("distinct reports in %s; status: %s", topic,
        worker.status(connector)).hasSize(distinct);
    return records;
  }

  private static void awaitEmpty(FakeFaxService fake) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (fake.dataCenters().stream().anyMatch(dc -> !fake.reports(dc).isEmpty())) {
      assertThat(System.nanoTime()).as("the fake emptied; left: %s", fake.dataCenters().stream()
          .map(dc -> dc.name() + "=" + fake.reports(dc).size()).toList()).isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  private static Set<String> deleteTried(FakeFaxService fake) {
    Set<String> ids = new HashSet<>();
    fake.calls(Operation.BULK_DELETE).forEach(call -> ids.addAll(call.jobIds()));
    return ids;
  }

  private static int duplicates(Map<String, Integer> copies) {
    return copies.values().stream().mapToInt(n -> n - 1).sum();
  }

  private static void awaitCondition(BooleanSupplier condition, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("within %s: %s", PATIENCE, what).isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  private static void report(String run, int reports, Map<String, Integer> copies, Duration took) {
    int duplicates = duplicates(copies);
    System.out.printf("%s: %,d reports, %,d in Kafka at least once, %,d duplicates, %.1f s%n",
        run, reports, copies.size(), duplicates, took.toMillis() / 1000.0);
  }
}
