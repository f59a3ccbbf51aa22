package dev.faxreports.kafka;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToLongFunction;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Measurable;
import org.apache.kafka.common.metrics.PluginMetrics;

/**
 * A task's figures per pair, registered in Connect's own metrics (KIP-877 plugin metrics): they
 * appear wherever the worker's metrics go — JMX under {@code kafka.connect:type=plugins,
 * connector=…,task=…,pair="ACCOUNT@DC"}, and any configured metrics reporter — and are removed with the task.
 * Counters are totals since the task started; gauges are the present state.
 */
final class TaskMetrics {

  /** Each counter's name and description. */
  enum Counter {
    PRODUCED("reports-produced-total", "Reports handed to Kafka."),
    WRITTEN("reports-written-total", "Reports Kafka acknowledged (commitRecord with metadata)."),
    NOT_WRITTEN("reports-not-written-total", "Records Kafka did not take: filtered or dropped."),
    DELETED("reports-deleted-total", "Reports deleted at Retarus after Kafka had them."),
    ALREADY_GONE("reports-already-gone-total", "Deletes answered NOT_FOUND: gone already, counted as done."),
    DELETE_FAILED("report-delete-failures-total", "Report deletes that failed and are tried again."),
    LISTING_FAILED("listing-failures-total", "Listings that failed after the library's retries; the pair backs off.");

    final String metric;
    final String description;

    Counter(String metric, String description) {
      this.metric = metric;
      this.description = description;
    }
  }

  private final PluginMetrics metrics;
  private final Map<Pair, Map<Counter, AtomicLong>> counters = new ConcurrentHashMap<>();
  private final List<MetricName> registered = new ArrayList<>();

  /** {@code metrics} may be {@code null}: the counters are kept, nothing is registered. */
  TaskMetrics(PluginMetrics metrics) {
    this.metrics = metrics;
  }

  /** Registers the pair's counters and its gauges (reports awaiting Kafka, awaiting their delete, kept). */
  void register(PairDrain pair) {
    Map<Counter, AtomicLong> values = new ConcurrentHashMap<>();
    for (Counter counter : Counter.values()) {
      AtomicLong value = new AtomicLong();
      values.put(counter, value);
      add(pair.pair(), counter.metric, counter.description, (config, now) -> value.get());
    }
    counters.put(pair.pair(), values);
    gauge(pair, "reports-awaiting-kafka", "Reports produced, not yet acknowledged by Kafka.", PairDrain::awaitingCommitCount);
    gauge(pair, "reports-awaiting-delete", "Reports in Kafka whose delete at Retarus is queued or retried.", PairDrain::awaitingDeleteCount);
    gauge(pair, "reports-kept", "Reports Kafka did not take, left at Retarus for this task run.", PairDrain::keptCount);
  }

  void produced(Pair pair, long count) {
    add(pair, Counter.PRODUCED, count);
  }

  void committed(Pair pair, boolean written) {
    add(pair, written ? Counter.WRITTEN : Counter.NOT_WRITTEN, 1);
  }

  void deleted(Pair pair, long deleted, long alreadyGone) {
    add(pair, Counter.DELETED, deleted);
    add(pair, Counter.ALREADY_GONE, alreadyGone);
  }

  void deleteFailed(Pair pair, long count) {
    add(pair, Counter.DELETE_FAILED, count);
  }

  void listingFailed(Pair pair) {
    add(pair, Counter.LISTING_FAILED, 1);
  }

  /** A counter's value, for tests and the task's log lines. */
  long value(Pair pair, Counter counter) {
    Map<Counter, AtomicLong> values = counters.get(pair);
    return values == null ? 0 : values.get(counter).get();
  }

  /** Removes what {@link #register} added (the worker also removes plugin metrics with the task). */
  void close() {
    if (metrics != null) {
      registered.forEach(metrics::removeMetric);
    }
    registered.clear();
  }

  private void add(Pair pair, Counter counter, long count) {
    Map<Counter, AtomicLong> values = counters.get(pair);
    if (values != null && count != 0) {
      values.get(counter).addAndGet(count);
    }
  }

  private void gauge(PairDrain pair, String name, String description, ToLongFunction<PairDrain> read) {
    add(pair.pair(), name, description, (config, now) -> read.applyAsLong(pair));
  }

  private void add(Pair pair, String name, String description, Measurable measurable) {
    if (metrics == null) {
      return;
    }
    LinkedHashMap<String, String> tags = new LinkedHashMap<>();
    tags.put("pair", pair.id());
    MetricName metricName = metrics.metricName(name, description, tags);
    metrics.addMetric(metricName, measurable);
    registered.add(metricName);
  }
}
