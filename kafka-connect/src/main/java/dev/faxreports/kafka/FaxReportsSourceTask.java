package dev.faxreports.kafka;

import dev.faxreports.Backoff;
import dev.faxreports.FaxReportsBuilder;
import dev.faxreports.model.FaxReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains its share of the connector's pairs (see {@link FaxReportsSourceConnector}) into Kafka.
 *
 * <p><b>The acknowledgement rule.</b> A report is deleted at Retarus only after {@link
 * #commitRecord(SourceRecord, RecordMetadata)} reported its record written ({@code metadata !=
 * null}). A record filtered by a transformation or dropped by error tolerance ({@code metadata ==
 * null}) is not deleted, unless {@code delete.filtered.records=true}: its report stays at Retarus
 * and is not produced again in this task run. Deletes are batched (at most 1000 IDs, the library's
 * bulk delete) on a thread of the task's own, never on the producer's callback thread. A report
 * listed again while in flight (produced, not yet deleted) is not produced again. A task that
 * stops or dies before a delete went through leaves that report at Retarus, and it comes again:
 * delivery is at-least-once, and the job ID key makes compaction and idempotent consumers work.
 * What comes again is what was in flight, and a pair never has more than one page in flight: the
 * service lists a data center's oldest 1000, and a report listed stays among them until its delete
 * went through. So a task that dies leaves at most 1000 duplicates per pair it drained.
 *
 * <p><b>Back-pressure.</b> Listings are asynchronous, one at a time per pair; {@link #poll()}
 * returns as soon as a listing brought records and never waits longer than the poll interval or a
 * second, whichever is shorter (listings are still paced by the poll interval). A
 * pair whose listing fails backs off (a second, doubling up to {@code retry.backoff.max.ms}) while
 * the others go on.
 */
public final class FaxReportsSourceTask extends SourceTask {

  private static final Logger log = LoggerFactory.getLogger(FaxReportsSourceTask.class);
  private static final Duration FIRST_LISTING_BACKOFF = Duration.ofSeconds(1);
  /** The longest one poll() waits: Connect calls stop() only after it returned (see stop()). */
  private static final long MAX_POLL_WAIT_NANOS = TimeUnit.SECONDS.toNanos(1);

  /** A finished listing of a pair, or (without reports and error) a pair that may list again. */
  private record Event(PairDrain pair, List<FaxReport> reports, Throwable error) {}

  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final Map<Map<String, ?>, PairDrain> pairs = new LinkedHashMap<>();
  private FaxReportsSourceConfig config;
  private Deleter deleter;
  private TaskMetrics metrics;
  private long pollIntervalNanos;
  private Backoff listingBackoff;
  private final UnaryOperator<FaxReportsBuilder> adjust;
  private volatile boolean stopping;

  /** The task Connect creates. */
  public FaxReportsSourceTask() {
    this(UnaryOperator.identity());
  }

  /** For tests: each pair's client as configured, then adjusted (an in-memory transport, quick retries). */
  FaxReportsSourceTask(UnaryOperator<FaxReportsBuilder> adjust) {
    this.adjust = adjust;
  }

  @Override
  public String version() {
    return Version.current();
  }

  @Override
  public void start(Map<String, String> props) {
    config = new FaxReportsSourceConfig(props);
    pollIntervalNanos = config.pollInterval().toNanos();
    listingBackoff = Backoff.doubling(FIRST_LISTING_BACKOFF, config.retryBackoffMax());
    metrics = new TaskMetrics(pluginMetrics());
    deleter = new Deleter(config.deleteLinger(), config.retryBackoffMax(), metrics,
        pair -> events.add(new Event(pair, null, null)), "faxreports-kafka-deleter");
    try {
      for (Pair pair : config.taskPairs()) {
        String customerNumber = config.account(pair.account()).orElseThrow().customerNumber();
        PairDrain drain = new PairDrain(pair, customerNumber, adjust.apply(config.builderFor(pair)).build(),
            config.topic(), config.deleteFiltered(), config.recordTimestamp());
        pairs.put(drain.sourcePartition(), drain);
        metrics.register(drain);
      }
    } catch (RuntimeException e) {
      closeQuietly();
      throw new ConnectException("faxreports task could not start: " + e.getMessage(), e);
    }
    log.info("Draining {} into topic {}", config.taskPairs(), config.topic());
  }

  /**
   * Records of the pairs whose listing came in, as soon as there are any; {@code null} after the
   * poll interval, or a second if that is shorter, without any: Connect 4.4 calls {@link #stop()}
   * on this thread only after poll() returned, so a long wait would eat into the worker's graceful
   * shutdown time. Interrupted, it returns {@code null} with the interrupt kept (the
   * worker is stopping the task), so it declares no checked exception.
   */
  @Override
  public List<SourceRecord> poll() {
    try {
      return pollWithin();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private List<SourceRecord> pollWithin() throws InterruptedException {
    long deadline = System.nanoTime() + Math.min(pollIntervalNanos, MAX_POLL_WAIT_NANOS);
    while (!stopping) {
      long now = System.nanoTime();
      startDueListings(now);
      long wait = Math.min(deadline, nextListingNanos()) - now;
      Event event = wait > 0 ? events.poll(wait, TimeUnit.NANOSECONDS) : events.poll();
      List<SourceRecord> records = new ArrayList<>();
      while (event != null) {
        records.addAll(handle(event));
        event = events.poll();
      }
      if (!records.isEmpty()) {
        return records;
      }
      if (System.nanoTime() - deadline >= 0) {
        return null; // nothing for a while: let the worker commit offsets, check in and notice a stop
      }
    }
    return null;
  }

  /**
   * Kafka reported on a record: with {@code metadata} it is written and its report is queued for
   * deletion; without, it was filtered or dropped and its report stays at Retarus (see the class
   * documentation). Runs on the producer's callback thread: it only queues.
   */
  @Override
  public void commitRecord(SourceRecord record, RecordMetadata metadata) {
    PairDrain pair = pairs.get(record.sourcePartition());
    if (pair == null || !(record.key() instanceof String jobId)) {
      return; // not one of ours (a record an SMT made up would not reach here with our partition)
    }
    boolean written = metadata != null;
    metrics.committed(pair.pair(), written);
    switch (pair.committed(jobId, written)) {
      case DELETE -> deleter.delete(pair, List.of(jobId));
      case KEEP -> events.add(new Event(pair, null, null)); // the pair may be done with its page
      case WAIT -> { }
    }
  }

  /**
   * Stops listing, then spends at most {@code shutdown.timeout.ms} deleting what Kafka already
   * acknowledged; what is left comes again after the restart. Connect calls this on the task's
   * thread after the poll loop ended and abandons the task after {@code
   * task.shutdown.graceful.timeout.ms} (5 s by default), hence the default of 4 s.
   */
  @Override
  public void stop() {
    stopping = true;
    events.add(new Event(null, null, null)); // wakes a waiting poll()
    if (deleter != null && config != null) {
      try {
        deleter.flush(config.shutdownTimeout());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    closeQuietly();
  }

  /** The figures of this task's pairs, for tests. */
  long metric(Pair pair, TaskMetrics.Counter counter) {
    return metrics.value(pair, counter);
  }

  private void startDueListings(long now) {
    for (PairDrain pair : pairs.values()) {
      if (pair.startListingIfDue(now)) {
        pair.reports().async().list().whenComplete((result, error) ->
            events.add(new Event(pair, result == null ? null : result.reports(), error)));
      }
    }
  }

  private long nextListingNanos() {
    long next = Long.MAX_VALUE;
    for (PairDrain pair : pairs.values()) {
      next = Math.min(next, pair.nextListingNanos());
    }
    return next;
  }

  private List<SourceRecord> handle(Event event) {
    PairDrain pair = event.pair();
    if (pair == null || (event.reports() == null && event.error() == null)) {
      return List.of(); // a wake-up: the loop looks at what is due
    }
    long now = System.nanoTime();
    if (event.error() != null) {
      long backoff = pair.failed(now, listingBackoff);
      metrics.listingFailed(pair.pair());
      log.warn("Listing the reports of {} failed, next try in {}: {}", pair.describe(), Duration.ofNanos(backoff),
          pair.failure(event.error()));
      return List.of();
    }
    PairDrain.Accepted accepted = pair.listed(event.reports(), now, pollIntervalNanos);
    deleter.delete(pair, accepted.deleteAgain());
    metrics.produced(pair.pair(), accepted.records().size());
    if (accepted.blockedByKept()) {
      log.warn("{}: all {} reports listed were not written to Kafka (filtered or dropped) and are kept"
          + " at Retarus; the list shows only the oldest 1000, so nothing newer can come until they"
          + " expire or the task restarts. Set delete.filtered.records=true to delete such reports.",
          pair.describe(), accepted.listed());
    }
    return accepted.records();
  }

  private PluginMetrics pluginMetrics() {
    try {
      return context == null ? null : context.pluginMetrics();
    } catch (UnsupportedOperationException e) {
      return null; // a worker without plugin metrics: the counters are kept, just not published
    }
  }

  private void closeQuietly() {
    if (deleter != null) {
      deleter.close();
    }
    for (PairDrain pair : pairs.values()) {
      try {
        pair.reports().close();
      } catch (RuntimeException e) {
        log.warn("Closing the client of {} failed: {}", pair.pair(), e.toString());
      }
    }
    pairs.clear();
    if (metrics != null) {
      metrics.close();
    }
  }
}
