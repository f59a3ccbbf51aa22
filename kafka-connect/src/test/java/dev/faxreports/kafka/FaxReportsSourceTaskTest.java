package dev.faxreports.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faxreports.RetryPolicy;
import dev.faxreports.model.DataCenter;
import dev.faxreports.model.DeletionResult;
import dev.faxreports.model.FaxReport;
import dev.faxreports.model.OriginalJson;
import dev.faxreports.port.FaxReportsTransport;
import dev.faxreports.testkit.FakeFaxService;
import dev.faxreports.testkit.Fault;
import dev.faxreports.testkit.Operation;
import dev.faxreports.testkit.RecordedCall;
import dev.faxreports.testkit.SampleReports;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The task over the testkit's in-memory service, with a fake worker context: what it deletes, and when. */
class FaxReportsSourceTaskTest {

  private static final Pair DE1 = new Pair("billing", "DE1");
  private static final Pair DE2 = new Pair("billing", "DE2");

  private final FakeFaxService fake = FakeFaxService.europe();
  private final List<FaxReportsSourceTask> started = new ArrayList<>();
  private FakeTaskContext context;
  private long offset;

  @AfterEach
  void stopTasks() {
    started.forEach(FaxReportsSourceTask::stop);
  }

  @Test
  void deletesAReportOnlyAfterKafkaWroteIt() throws Exception {
    fake.seedSamples(DataCenter.DE1, 30);
    FaxReportsSourceTask task = start(Map.of());

    List<SourceRecord> records = pollUntil(task, 30);
    assertThat(records).hasSize(30);
    Thread.sleep(300); // longer than the linger: nothing may be deleted without Kafka's word
    assertThat(fake.calls(Operation.BULK_DELETE)).isEmpty();
    assertThat(fake.reports(DataCenter.DE1)).hasSize(30);

    records.subList(0, 10).forEach(record -> commit(task, record, true));
    await(() -> fake.reports(DataCenter.DE1).size() == 20);
    Set<String> deleted = deletedIds();
    assertThat(deleted).containsExactlyInAnyOrderElementsOf(
        records.subList(0, 10).stream().map(r -> (String) r.key()).toList());

    records.subList(10, 30).forEach(record -> commit(task, record, true));
    await(() -> fake.reports(DataCenter.DE1).isEmpty());
    await(() -> context.metric("reports-deleted-total", DE1) == 30); // counted when the answer is in
    assertThat(context.metric("reports-written-total", DE1)).isEqualTo(30);
  }

  @Test
  void recordsCarryTheKeyTheSchemaAndTheSourceAndNoTimestampSoTheProducerStampsThemWhenWritten() throws Exception {
    java.time.Instant sent = fake.now().minus(Duration.ofDays(20));
    var seeded = List.of(SampleReports.delivered("JOB-1", sent));
    fake.seed(DataCenter.DE2, seeded);
    FaxReportsSourceTask task = start(Map.of());

    SourceRecord record = pollUntil(task, 1).get(0);
    assertThat(record.topic()).isEqualTo("fax-reports");
    assertThat(record.key()).isEqualTo(seeded.get(0).jobId());
    assertThat(record.sourcePartition()).isEqualTo(DE2.sourcePartition("12345"));
    assertThat(record.valueSchema()).isEqualTo(ReportSchema.VALUE);
    Struct value = (Struct) record.value();
    value.validate();
    assertThat(value.getString("customerNumber")).isEqualTo("12345");
    assertThat(value.getString("dataCenter")).isEqualTo("DE2");
    assertThat(value.getArray("recipientStatus")).extracting(r -> ((Struct) r).get("sentTs"))
        .containsExactly(java.util.Date.from(sent));
    assertThat(record.timestamp()).as("left to the producer: the time Kafka gets it").isNull();
  }

  @Test
  void withRecordTimestampSentARecordIsStampedWithTheFirstSendTime() throws Exception {
    java.time.Instant sent = fake.now().minus(Duration.ofDays(20));
    fake.seed(DataCenter.DE2, SampleReports.delivered("JOB-1", sent));
    FaxReportsSourceTask task = start(Map.of("record.timestamp", "sent"));

    assertThat(pollUntil(task, 1).get(0).timestamp()).isEqualTo(sent.toEpochMilli());
  }

  @Test
  void withRecordTimestampSentASendTimeInTheFutureIsNoRecordTimestampForBrokersRefuseThose() throws Exception {
    fake.seed(DataCenter.DE1, SampleReports.delivered("JOB-2", java.time.Instant.now().plus(Duration.ofHours(3))));
    FaxReportsSourceTask task = start(Map.of("record.timestamp", "sent"));

    assertThat(pollUntil(task, 1).get(0).timestamp()).isNull(); // the producer's time, then
  }

  @Test
  void aReportListedAgainBeforeItsDeleteIsNotProducedTwice() throws Exception {
    fake.seedSamples(DataCenter.DE1, 50);
    FaxReportsSourceTask task = start(Map.of("poll.interval.ms", "50"));

    List<SourceRecord> first = pollUntil(task, 50);
    long listings = fake.calls(Operation.LIST).size();
    List<SourceRecord> again = pollFor(task, Duration.ofMillis(400)); // the pair is listed again meanwhile
    assertThat(fake.calls(Operation.LIST).size()).isGreaterThan((int) listings);
    assertThat(again).isEmpty();

    first.forEach(record -> commit(task, record, true));
    await(() -> fake.reports(DataCenter.DE1).isEmpty());
    assertThat(pollFor(task, Duration.ofMillis(200))).isEmpty();
  }

  @Test
  void aRecordKafkaDidNotWriteStaysAtRetarusAndIsNotProducedAgainInThisRun() throws Exception {
    fake.seedSamples(DataCenter.DE1, 10);
    FaxReportsSourceTask task = start(Map.of("poll.interval.ms", "50"));

    List<SourceRecord> records = pollUntil(task, 10);
    commit(task, records.get(0), false); // filtered by a transformation, or dropped by error tolerance
    records.subList(1, 10).forEach(record -> commit(task, record, true));
    await(() -> fake.reports(DataCenter.DE1).size() == 1);
    assertThat(pollFor(task, Duration.ofMillis(300))).isEmpty();
    assertThat(fake.reports(DataCenter.DE1)).extracting(r -> r.jobId()).containsExactly((String) records.get(0).key());
    assertThat(context.metric("reports-kept", DE1)).isEqualTo(1);
    assertThat(context.metric("reports-not-written-total", DE1)).isEqualTo(1);
  }

  @Test
  void deleteFilteredRecordsDeletesWhatKafkaDidNotWriteToo() throws Exception {
    fake.seedSamples(DataCenter.DE1, 5);
    FaxReportsSourceTask task = start(Map.of("delete.filtered.records", "true"));

    pollUntil(task, 5).forEach(record -> commit(task, record, false));
    await(() -> fake.reports(DataCenter.DE1).isEmpty());
  }

  @Test
  void deletesGoInBatchesOfAtMost1000AndEveryPageFollows() throws Exception {
    fake.seedSamples(DataCenter.DE1, 2_500);
    FaxReportsSourceTask task = start(Map.of("delete.linger.ms", "1000"));

    int produced = 0;
    while (produced < 2_500) {
      List<SourceRecord> records = pollUntil(task, 1);
      records.forEach(record -> commit(task, record, true));
      produced += records.size();
    }
    await(() -> fake.reports(DataCenter.DE1).isEmpty());
    assertThat(fake.calls(Operation.BULK_DELETE)).allSatisfy(call -> assertThat(call.jobIds()).hasSizeLessThanOrEqualTo(1000));
    assertThat(fake.calls(Operation.BULK_DELETE)).hasSize(3); // a full page goes at once, linger or not
  }

  @Test
  void aFailingDataCenterBacksOffWithoutStallingTheOther() throws Exception {
    fake.seedSamples(DataCenter.DE1, 5);
    fake.seedSamples(DataCenter.DE2, 5);
    fake.faults().down(DataCenter.DE1);
    FaxReportsSourceTask task = start(Map.of("poll.interval.ms", "2000"));

    long began = System.nanoTime();
    List<SourceRecord> records = pollUntil(task, 5);
    assertThat(records).allSatisfy(record -> assertThat(record.sourcePartition()).isEqualTo(DE2.sourcePartition("12345")));
    assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(2));
    assertThat(pollFor(task, Duration.ofMillis(300))).isEmpty(); // the task hears of DE1's failure while polling
    assertThat(context.metric("listing-failures-total", DE1)).isGreaterThanOrEqualTo(1);

    fake.faults().up(DataCenter.DE1);
    List<SourceRecord> later = pollUntil(task, 5); // after the back-off (a second)
    assertThat(later).allSatisfy(record -> assertThat(record.sourcePartition()).isEqualTo(DE1.sourcePartition("12345")));
  }

  @Test
  void failedDeletesAreTriedAgainAndTheReportsAreNotProducedAgain() throws Exception {
    fake.seedSamples(DataCenter.DE1, 20);
    fake.faults().failNext(Operation.BULK_DELETE, 6, Fault.unavailable()); // beyond the library's retries
    FaxReportsSourceTask task = start(Map.of("poll.interval.ms", "50"));

    pollUntil(task, 20).forEach(record -> commit(task, record, true));
    List<SourceRecord> meanwhile = pollFor(task, Duration.ofMillis(300));
    await(() -> fake.reports(DataCenter.DE1).isEmpty());
    assertThat(meanwhile).isEmpty();
    assertThat(context.metric("report-delete-failures-total", DE1)).isGreaterThan(0);
  }

  @Test
  void pollReturnsWithinThePollIntervalWhenThereIsNothing() throws Exception {
    FaxReportsSourceTask task = start(Map.of("poll.interval.ms", "200"));
    for (int i = 0; i < 3; i++) {
      long began = System.nanoTime();
      assertThat(task.poll()).isNullOrEmpty();
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began)).isBetween(150L, 1000L);
    }
  }

  @Test
  void aRestartedTaskProducesWhatWasNotDeletedAndNothingIsLost() throws Exception {
    fake.seedSamples(DataCenter.DE1, 40);
    FaxReportsSourceTask first = start(Map.of());
    List<SourceRecord> records = pollUntil(first, 40);
    records.subList(0, 25).forEach(record -> commit(first, record, true)); // the rest: not yet acknowledged
    first.stop(); // deletes what Kafka has before it returns
    started.remove(first);
    assertThat(fake.reports(DataCenter.DE1)).hasSize(15);

    FaxReportsSourceTask second = start(Map.of());
    List<SourceRecord> again = pollUntil(second, 15);
    assertThat(again).extracting(SourceRecord::key)
        .containsExactlyInAnyOrderElementsOf(records.subList(25, 40).stream().map(SourceRecord::key).toList());
    again.forEach(record -> commit(second, record, true));
    await(() -> fake.reports(DataCenter.DE1).isEmpty());
  }

  // Two different reports under one job ID: same typed view, different bytes from the server.
  private static final FaxReport COPY_A = SampleReports.delivered("JOB-1", java.time.Instant.parse("2026-11-20T10:15:30Z"))
      .withOriginalJson(OriginalJson.of("{\"jobId\":\"JOB-1\",\"copy\":\"A\"}"));
  private static final FaxReport COPY_B = COPY_A.withOriginalJson(OriginalJson.of("{\"jobId\":\"JOB-1\",\"copy\":\"B\"}"));

  @Test
  void aSecondCopyUnderAnIdAlreadyDeletedIsProducedAndTheIdDeletedOnlyOnceItIsIn() throws Exception {
    ScriptedDe1 de1 = new ScriptedDe1(COPY_A);
    FaxReportsSourceTask task = start(Map.of("poll.interval.ms", "50"), de1);

    List<SourceRecord> first = pollUntil(task, 1);
    assertThat(first).extracting(FaxReportsSourceTaskTest::originalJson).containsExactly(json(COPY_A));
    commit(task, first.get(0), true);
    await(() -> de1.deletes() == 1);

    de1.list(COPY_A, COPY_B); // the first copy again (a stale listing), and a new one under its ID
    List<SourceRecord> second = pollUntil(task, 1); // used to fail the task with a NullPointerException
    assertThat(second).extracting(FaxReportsSourceTaskTest::originalJson).containsExactly(json(COPY_B));
    assertThat(pollFor(task, Duration.ofMillis(300))).isEmpty();
    assertThat(de1.deletes()).as("no delete before the new copy is in Kafka").isEqualTo(1);

    commit(task, second.get(0), true);
    await(() -> de1.deletes() == 2);
    assertThat(de1.listed()).isEmpty();
    assertThat(pollFor(task, Duration.ofMillis(200))).isEmpty();
  }

  @Test
  void aSecondCopyListedBeforeTheFirstInFlightIsProducedAndNeitherTwice() throws Exception {
    ScriptedDe1 de1 = new ScriptedDe1(COPY_A);
    FaxReportsSourceTask task = start(Map.of("poll.interval.ms", "50"), de1);

    SourceRecord a = pollUntil(task, 1).get(0);
    de1.list(COPY_B, COPY_A); // A still in flight; B, listed first, used to be taken for it and lost
    List<SourceRecord> more = pollUntil(task, 1);
    more.addAll(pollFor(task, Duration.ofMillis(300)));
    assertThat(more).extracting(FaxReportsSourceTaskTest::originalJson).containsExactly(json(COPY_B));

    commit(task, a, true);
    Thread.sleep(300); // longer than the linger
    assertThat(de1.deletes()).as("no delete while a copy is not in Kafka").isZero();
    commit(task, more.get(0), true);
    await(() -> de1.deletes() == 1);
    assertThat(de1.listed()).isEmpty();
    assertThat(pollFor(task, Duration.ofMillis(200))).isEmpty();
  }

  @Test
  void aSecondCopyUnderAKeptIdIsProducedAndTheIdStaysAtRetarus() throws Exception {
    ScriptedDe1 de1 = new ScriptedDe1(COPY_A);
    FaxReportsSourceTask task = start(Map.of("poll.interval.ms", "50"), de1);

    commit(task, pollUntil(task, 1).get(0), false); // filtered: A stays, and with it its ID
    de1.list(COPY_A, COPY_B);
    List<SourceRecord> second = pollUntil(task, 1);
    assertThat(second).extracting(FaxReportsSourceTaskTest::originalJson).containsExactly(json(COPY_B));
    commit(task, second.get(0), true);
    assertThat(pollFor(task, Duration.ofMillis(300))).isEmpty();
    assertThat(de1.deletes()).isZero();
  }

  @Test
  void aFailureIsToldAsTheFailureOfTheAccountAndTheOneDataCenterThePairServes() {
    fake.faults().failNext(Operation.LIST, 1, Fault.unauthorized());
    try (dev.faxreports.FaxReports de1Only = fake.facadeBuilder().dataCenters(List.of(DataCenter.DE1))
        .customerNumber("12345").credentials(new dev.faxreports.model.Credentials("user", "secret")).build()) {
      Throwable error = org.assertj.core.api.Assertions.catchThrowable(
          () -> de1Only.async().list().toCompletableFuture().join());
      assertThat(error).as("the library's words for its one data center").hasStackTraceContaining("every data center");
      PairDrain pair = new PairDrain(DE1, "12345", de1Only, "fax-reports", false,
          FaxReportsSourceConfig.RecordTimestamp.WRITTEN);

      assertThat(pair.describe()).isEqualTo("account billing (customer number 12345) in data center DE1");
      assertThat(pair.failure(error)).startsWith("authentication failed").contains("401")
          .doesNotContain("every data center").doesNotContain("secret");
    }
  }

  // ---- helpers ---------------------------------------------------------------------------------

  private static String originalJson(SourceRecord record) {
    return ((Struct) record.value()).getString("originalJson");
  }

  private static String json(FaxReport report) {
    return report.originalJson().text();
  }

  /**
   * DE1 lists what the test says, which may hold two reports under one ID (the fake keeps one per
   * ID); a delete removes every report under the ID, as the service's does. DE2 is the fake's.
   * A delete is counted only once its reports are off the page, and the page changes under one
   * lock: a test that saw a delete counted and then lists anew cannot have that delete's removal
   * come after and take the new page's copies with it.
   */
  private final class ScriptedDe1 implements FaxReportsTransport {
    private final List<FaxReport> page = new ArrayList<>();
    private final List<String> deleted = new CopyOnWriteArrayList<>();

    ScriptedDe1(FaxReport... reports) {
      list(reports);
    }

    synchronized void list(FaxReport... reports) {
      page.clear();
      page.addAll(List.of(reports));
    }

    synchronized List<FaxReport> listed() {
      return List.copyOf(page);
    }

    int deletes() {
      return deleted.size();
    }

    private boolean de1(DataCenter dataCenter) {
      return dataCenter.equals(DataCenter.DE1);
    }

    @Override
    public CompletionStage<List<FaxReport>> listOldest(DataCenter dataCenter) {
      return de1(dataCenter) ? CompletableFuture.completedFuture(listed()) : fake.listOldest(dataCenter);
    }

    @Override
    public CompletionStage<List<DeletionResult>> bulkDelete(DataCenter dataCenter, List<String> jobIds) {
      if (!de1(dataCenter)) {
        return fake.bulkDelete(dataCenter, jobIds);
      }
      List<DeletionResult> results = new ArrayList<>();
      synchronized (this) {
        for (String id : jobIds) {
          results.add(page.removeIf(report -> report.jobId().equals(id))
              ? DeletionResult.deleted(id) : DeletionResult.notFound(id));
          deleted.add(id); // after the removal: what deletes() counts is done
        }
      }
      return CompletableFuture.completedFuture(results);
    }

    @Override
    public CompletionStage<List<DeletionResult>> deleteOldest(DataCenter dataCenter) {
      return fake.deleteOldest(dataCenter);
    }

    @Override
    public CompletionStage<FaxReport> fetch(DataCenter dataCenter, String jobId) {
      return fake.fetch(dataCenter, jobId);
    }

    @Override
    public CompletionStage<DeletionResult> delete(DataCenter dataCenter, String jobId) {
      return fake.delete(dataCenter, jobId);
    }

    @Override
    public CompletionStage<List<FaxReport>> bulkGet(DataCenter dataCenter, List<String> jobIds) {
      return fake.bulkGet(dataCenter, jobIds);
    }

    @Override
    public void close() {}
  }

  private FaxReportsSourceTask start(Map<String, String> overrides) {
    return start(overrides, fake);
  }

  private FaxReportsSourceTask start(Map<String, String> overrides, FaxReportsTransport transport) {
    Map<String, String> props = new HashMap<>(Map.of(
        "accounts", "billing",
        "account.billing.customer-number", "12345",
        "account.billing.username", "user",
        "account.billing.password", "secret",
        "retarus.fax.region", "EUROPE",
        "topic", "fax-reports",
        "poll.interval.ms", "100",
        "delete.linger.ms", "20",
        "task.pairs", "billing@DE1,billing@DE2"));
    props.putAll(overrides);
    FaxReportsSourceTask task = new FaxReportsSourceTask(builder -> builder.transport(transport)
        .retryPolicy(new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(5), 2.0)));
    context = new FakeTaskContext(props);
    task.initialize(context);
    task.start(props);
    started.add(task);
    return task;
  }

  private void commit(FaxReportsSourceTask task, SourceRecord record, boolean written) {
    RecordMetadata metadata = written
        ? new RecordMetadata(new TopicPartition(record.topic(), 0), offset++, 0, 0L, 0, 0) : null;
    task.commitRecord(record, metadata);
  }

  private Set<String> deletedIds() {
    Set<String> ids = new HashSet<>();
    fake.calls(Operation.BULK_DELETE).stream().map(RecordedCall::jobIds).forEach(ids::addAll);
    return ids;
  }

  /** Polls until at least {@code count} records came, for up to 10 s. */
  private static List<SourceRecord> pollUntil(FaxReportsSourceTask task, int count) throws InterruptedException {
    List<SourceRecord> all = new ArrayList<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (all.size() < count && System.nanoTime() < deadline) {
      List<SourceRecord> records = task.poll();
      if (records != null) {
        all.addAll(records);
      }
    }
    assertThat(all).as("records polled").hasSizeGreaterThanOrEqualTo(count);
    return all;
  }

  private static List<SourceRecord> pollFor(FaxReportsSourceTask task, Duration duration) throws InterruptedException {
    List<SourceRecord> all = new ArrayList<>();
    long deadline = System.nanoTime() + duration.toNanos();
    while (System.nanoTime() < deadline) {
      List<SourceRecord> records = task.poll();
      if (records != null) {
        all.addAll(records);
      }
    }
    return all;
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition met within 10 s").isLessThan(deadline);
      Thread.sleep(10);
    }
  }
}
