package dev.faxreports.micrometer;

import dev.faxreports.model.DataCenter;
import dev.faxreports.observe.DataCenterFailed;
import dev.faxreports.observe.DrainObserver;
import dev.faxreports.observe.DrainStarted;
import dev.faxreports.observe.FaxReportsObserver;
import dev.faxreports.observe.Operation;
import dev.faxreports.observe.Outcome;
import dev.faxreports.observe.PageListed;
import dev.faxreports.observe.RequestFinished;
import dev.faxreports.observe.RequestObserver;
import dev.faxreports.observe.RequestStarted;
import dev.faxreports.observe.RetryScheduled;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The meters part of {@link MicrometerObserver}: registers and updates the meters {@link
 * FaxReportsMeters} lists, straight from the facade's events — no observation registry involved,
 * so what the meters say never depends on an observation handler.
 */
final class MeterObserver implements FaxReportsObserver {

  private static final Duration[] NO_BUCKETS = {};

  private final MeterRegistry registry;
  private final Tags commonTags;
  private final Duration[] latencyBuckets;
  private final ListingGauges gauges;
  private final DrainCounters drainCounters;
  private final LongTaskTimer drains;
  // Meters by their tags: a lookup per event instead of a builder and a registry lookup.
  private final Map<RequestKey, Timer> requestTimers = new ConcurrentHashMap<>();
  private final Map<Key, DistributionSummary> sizes = new ConcurrentHashMap<>();
  private final Map<Key, Counter> retries = new ConcurrentHashMap<>();
  private final Map<Key, Counter> failures = new ConcurrentHashMap<>();
  // The start of an attempt records nothing: one observer serves every attempt.
  private final RequestObserver requestMeters = this::requestFinished;

  /**
   * @param customerNumber the {@link FaxReportsMeters#CUSTOMER_NUMBER} tag on every meter, or {@code null}
   * @param latencyHistogram whether the requests timer publishes {@link MicrometerObserver#LATENCY_BUCKETS}
   * @param clock what the oldest-age gauge measures against
   */
  MeterObserver(MeterRegistry registry, String customerNumber, boolean latencyHistogram, Clock clock) {
    this.registry = registry;
    this.commonTags = customerNumber == null ? Tags.empty() : Tags.of(FaxReportsMeters.CUSTOMER_NUMBER, customerNumber);
    this.latencyBuckets = latencyHistogram ? MicrometerObserver.LATENCY_BUCKETS.toArray(Duration[]::new) : NO_BUCKETS;
    this.gauges = new ListingGauges(registry, commonTags, clock);
    this.drainCounters = new DrainCounters(registry, commonTags);
    this.drains = LongTaskTimer.builder(FaxReportsMeters.DRAIN)
        .description("Drains running now, and for how long")
        .tags(commonTags)
        .register(registry);
  }

  MeterRegistry registry() {
    return registry;
  }

  @Override
  public RequestObserver requestStarted(RequestStarted request) {
    return requestMeters;
  }

  @Override
  public void retryScheduled(RetryScheduled retry) {
    retries.computeIfAbsent(new Key(retry.dataCenter(), retry.operation(), retry.reason()),
        key -> counter(FaxReportsMeters.RETRIES, "Retries scheduled after a failed attempt", key,
            FaxReportsMeters.REASON)).increment();
  }

  @Override
  public void dataCenterFailed(DataCenterFailed failed) {
    failures.computeIfAbsent(new Key(failed.dataCenter(), failed.operation(), failed.reason()),
        key -> counter(FaxReportsMeters.DATA_CENTER_FAILURES,
            "Calls that failed for good in a data center (retries spent or not retryable)", key,
            FaxReportsMeters.OUTCOME)).increment();
  }

  @Override
  public void pageListed(PageListed page) {
    gauges.listed(page);
  }

  @Override
  public DrainObserver drainStarted(DrainStarted drain) {
    return new DrainMeters(drains.start(), drainCounters);
  }

  private void requestFinished(RequestFinished finished) {
    requestTimer(finished).record(finished.duration().toNanos(), TimeUnit.NANOSECONDS);
    if (finished.bytesKnown()) {
      sizes.computeIfAbsent(new Key(finished.dataCenter(), finished.operation(), null), this::sizeSummary)
          .record(finished.bytes());
    }
  }

  private Timer requestTimer(RequestFinished finished) {
    return requestTimers.computeIfAbsent(
        new RequestKey(finished.dataCenter(), finished.operation(), finished.outcome(), finished.status()),
        key -> Timer.builder(FaxReportsMeters.REQUESTS)
            .description("Requests to the Retarus fax report API, one per attempt")
            .tags(commonTags)
            .tag(FaxReportsMeters.DATA_CENTER, key.dataCenter.name())
            .tag(FaxReportsMeters.OPERATION, key.operation.tagValue())
            .tag(FaxReportsMeters.OUTCOME, key.outcome.tagValue())
            .tag(FaxReportsMeters.STATUS, FaxReportsMeters.statusValue(key.status))
            .serviceLevelObjectives(latencyBuckets)
            .register(registry));
  }

  private DistributionSummary sizeSummary(Key key) {
    return DistributionSummary.builder(FaxReportsMeters.RESPONSE_SIZE)
        .description("Sizes of successful answers' bodies, as decoded")
        .baseUnit("bytes")
        .tags(commonTags)
        .tag(FaxReportsMeters.DATA_CENTER, key.dataCenter.name())
        .tag(FaxReportsMeters.OPERATION, key.operation.tagValue())
        .register(registry);
  }

  private Counter counter(String name, String description, Key key, String outcomeTag) {
    return Counter.builder(name)
        .description(description)
        .tags(commonTags)
        .tag(FaxReportsMeters.DATA_CENTER, key.dataCenter.name())
        .tag(FaxReportsMeters.OPERATION, key.operation.tagValue())
        .tag(outcomeTag, key.outcome.tagValue())
        .register(registry);
  }

  private record RequestKey(DataCenter dataCenter, Operation operation, Outcome outcome, int status) {}

  private record Key(DataCenter dataCenter, Operation operation, Outcome outcome) {}
}
