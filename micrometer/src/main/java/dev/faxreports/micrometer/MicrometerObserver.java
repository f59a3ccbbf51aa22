package dev.faxreports.micrometer;

import dev.faxreports.model.DataCenter;
import dev.faxreports.observe.DataCenterFailed;
import dev.faxreports.observe.DeleteFailed;
import dev.faxreports.observe.DrainFinished;
import dev.faxreports.observe.DrainObserver;
import dev.faxreports.observe.DrainStarted;
import dev.faxreports.observe.FaxReportsObserver;
import dev.faxreports.observe.Operation;
import dev.faxreports.observe.Outcome;
import dev.faxreports.observe.PageAcknowledged;
import dev.faxreports.observe.PageExported;
import dev.faxreports.observe.PageListed;
import dev.faxreports.observe.RequestFinished;
import dev.faxreports.observe.RequestObserver;
import dev.faxreports.observe.RequestStarted;
import dev.faxreports.observe.RetryScheduled;
import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Records what the facade does as Micrometer meters ({@link FaxReportsMeters}) and, given an {@link
 * ObservationRegistry}, as observations — so metrics and, with micrometer-tracing or the
 * OpenTelemetry bridge, spans come from this one instrumentation:
 *
 * <pre>{@code
 * FaxReports reports = FaxReports.builder()
 *     .observer(MicrometerObserver.builder(meterRegistry).observationRegistry(observations).build())
 *     ...
 * }</pre>
 *
 * <p>Tags are low-cardinality only: data center, operation, outcome, HTTP status, retry reason —
 * never a job ID; the customer number only with {@link Builder#customerNumberTag}. The meters are
 * recorded directly, whatever the observation registry's handlers do; the observations are named
 * {@link FaxReportsMeters#REQUEST_OBSERVATION} and {@link FaxReportsMeters#DRAIN_OBSERVATION} so that
 * a meter handler on that registry (Spring Boot adds one) cannot collide with these meters.
 *
 * <p>Thread-safe; one instance may observe several facades (they then share meters).
 */
public final class MicrometerObserver implements FaxReportsObserver {

  /**
   * The requests timer's histogram buckets with {@link Builder#latencyHistogram}: fixed bounds, so
   * they add up across tags and processes (Prometheus' {@code histogram_quantile}) and work in
   * every registry alike.
   */
  public static final List<Duration> LATENCY_BUCKETS = Stream.of(1, 2, 5, 10, 20, 50, 100, 200, 500,
          1_000, 2_000, 5_000, 10_000, 30_000, 60_000, 120_000)
      .map(Duration::ofMillis).toList();

  private static final Duration[] NO_BUCKETS = {};

  private final MeterRegistry registry;
  private final ObservationRegistry observations;
  private final Tags commonTags;
  private final boolean percentileHistogram;
  private final ListingGauges gauges;
  private final LongTaskTimer drains;
  // Meters by their tags: a lookup per event instead of a builder and a registry lookup.
  private final Map<RequestKey, Timer> requestTimers = new ConcurrentHashMap<>();
  private final Map<Key, DistributionSummary> sizes = new ConcurrentHashMap<>();
  private final Map<Key, Counter> retries = new ConcurrentHashMap<>();
  private final Map<Key, Counter> failures = new ConcurrentHashMap<>();
  private final Map<String, DrainCounters> drainCounters = new ConcurrentHashMap<>();

  private MicrometerObserver(Builder builder) {
    this.registry = builder.registry;
    this.observations = builder.observations;
    this.commonTags = builder.customerNumber == null ? Tags.empty()
        : Tags.of(FaxReportsMeters.CUSTOMER_NUMBER, builder.customerNumber);
    this.percentileHistogram = builder.percentileHistogram;
    this.gauges = new ListingGauges(registry, commonTags, builder.clock);
    this.drains = LongTaskTimer.builder(FaxReportsMeters.DRAIN)
        .description("Drains running now, and for how long")
        .tags(commonTags)
        .register(registry);
  }

  /** Meters only, into {@code registry}. */
  public static MicrometerObserver create(MeterRegistry registry) {
    return builder(registry).build();
  }

  public static Builder builder(MeterRegistry registry) {
    return new Builder(registry);
  }

  /** The registry the meters go to. */
  public MeterRegistry registry() {
    return registry;
  }

  @Override
  public RequestObserver requestStarted(RequestStarted request) {
    Observation observation = startObservation(request);
    return finished -> {
      long nanos = finished.duration().toNanos();
      requestTimer(finished).record(nanos, TimeUnit.NANOSECONDS);
      if (finished.bytesKnown()) {
        sizes.computeIfAbsent(new Key(finished.dataCenter(), finished.operation(), null), this::sizeSummary)
            .record(finished.bytes());
      }
      if (observation != null) {
        stopObservation(observation, finished);
      }
    };
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
    LongTaskTimer.Sample running = drains.start();
    Observation observation = observations.isNoop() ? null
        : Observation.createNotStarted(FaxReportsMeters.DRAIN_OBSERVATION, observations)
            .contextualName("faxreports drain")
            .lowCardinalityKeyValue("data.centers", String.valueOf(drain.dataCenters().size()))
            .start();
    return new DrainObserver() {
      @Override
      public void pageExported(PageExported page) {
        counters(page.dataCenter()).exported.increment(page.reports());
        if (observation != null) {
          observation.event(Observation.Event.of("faxreports.page.exported",
              page.dataCenter().name() + " round " + page.round() + ": " + page.reports() + " reports"));
        }
      }

      @Override
      public void pageAcknowledged(PageAcknowledged acknowledged) {
        counters(acknowledged.dataCenter()).deleted.increment(acknowledged.deleted());
      }

      @Override
      public void deleteFailed(DeleteFailed failed) {
        counters(failed.dataCenter()).deleteFailed.increment(failed.reports());
        if (observation != null) {
          observation.event(Observation.Event.of("faxreports.delete.failed",
              failed.dataCenter().name() + " round " + failed.round() + ": " + failed.reports() + " reports"));
        }
      }

      @Override
      public void finished(DrainFinished finished) {
        running.stop();
        if (observation != null) {
          observation.lowCardinalityKeyValue("failed.data.centers",
              String.valueOf(finished.failedDataCenters().size()));
          observation.highCardinalityKeyValue("reports.exported", String.valueOf(finished.exported()));
          if (finished.failure() != null) {
            observation.error(finished.failure());
          }
          observation.stop();
        }
      }
    };
  }

  @Override
  public String toString() {
    return "MicrometerObserver[" + registry.getClass().getSimpleName()
        + (observations.isNoop() ? "" : ", observations") + "]";
  }

  private Observation startObservation(RequestStarted request) {
    if (observations.isNoop()) {
      return null;
    }
    return Observation.createNotStarted(FaxReportsMeters.REQUEST_OBSERVATION, observations)
        .contextualName("faxreports " + request.operation().tagValue())
        .lowCardinalityKeyValue(FaxReportsMeters.DATA_CENTER, request.dataCenter().name())
        .lowCardinalityKeyValue(FaxReportsMeters.OPERATION, request.operation().tagValue())
        .highCardinalityKeyValue("attempt", String.valueOf(request.attempt()))
        .start();
  }

  private static void stopObservation(Observation observation, RequestFinished finished) {
    observation.lowCardinalityKeyValue(KeyValue.of(FaxReportsMeters.OUTCOME, finished.outcome().tagValue()));
    observation.lowCardinalityKeyValue(KeyValue.of(FaxReportsMeters.STATUS, status(finished.status())));
    if (finished.bytesKnown()) {
      observation.highCardinalityKeyValue("response.bytes", String.valueOf(finished.bytes()));
    }
    if (finished.failure() != null) {
      observation.error(finished.failure());
    }
    observation.stop();
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
            .tag(FaxReportsMeters.STATUS, status(key.status))
            .serviceLevelObjectives(percentileHistogram ? LATENCY_BUCKETS.toArray(Duration[]::new) : NO_BUCKETS)
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

  private DrainCounters counters(DataCenter dataCenter) {
    return drainCounters.computeIfAbsent(dataCenter.name(), name -> new DrainCounters(
        drainCounter(FaxReportsMeters.REPORTS_EXPORTED, "Reports handed to a drain's handler", name),
        drainCounter(FaxReportsMeters.REPORTS_DELETED, "Reports a drain deleted after its handler stored them", name),
        drainCounter(FaxReportsMeters.REPORTS_DELETE_FAILED,
            "Exported reports whose delete failed; they are exported again later", name)));
  }

  /** No base unit: Prometheus would append it ({@code faxreports_reports_exported_reports_total}). */
  private Counter drainCounter(String name, String description, String dataCenter) {
    return Counter.builder(name).description(description)
        .tags(commonTags).tag(FaxReportsMeters.DATA_CENTER, dataCenter).register(registry);
  }

  static String status(int status) {
    return status == 0 ? "none" : String.valueOf(status);
  }

  private record RequestKey(DataCenter dataCenter, Operation operation, Outcome outcome, int status) {}

  private record Key(DataCenter dataCenter, Operation operation, Outcome outcome) {}

  private record DrainCounters(Counter exported, Counter deleted, Counter deleteFailed) {}

  /** Where the meters go and what they carry. */
  public static final class Builder {
    private final MeterRegistry registry;
    private ObservationRegistry observations = ObservationRegistry.NOOP;
    private String customerNumber;
    private boolean percentileHistogram;
    private Clock clock = Clock.systemUTC();

    private Builder(MeterRegistry registry) {
      if (registry == null) {
        throw new IllegalArgumentException("the meter registry must not be null");
      }
      this.registry = registry;
    }

    /**
     * Also makes every attempt and every drain an observation in {@code registry} — a span with
     * micrometer-tracing or the OpenTelemetry bridge. Default: none.
     */
    public Builder observationRegistry(ObservationRegistry registry) {
      this.observations = registry == null ? ObservationRegistry.NOOP : registry;
      return this;
    }

    /**
     * Tags every meter with {@code customer.number}: for one process draining several accounts
     * into one registry. Off by default — a customer number is an account identifier.
     */
    public Builder customerNumberTag(String customerNumber) {
      this.customerNumber = customerNumber;
      return this;
    }

    /**
     * Publishes the requests timer with histogram buckets ({@link #LATENCY_BUCKETS}): p50/p99 with
     * Prometheus' {@code histogram_quantile}, and {@link DataCenterFigures}' percentiles. Off by
     * default: it multiplies the timer's series by 17.
     */
    public Builder latencyHistogram(boolean publish) {
      this.percentileHistogram = publish;
      return this;
    }

    /** The clock the oldest-age gauge measures against (tests). Default: the system clock. */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    public MicrometerObserver build() {
      return new MicrometerObserver(this);
    }
  }
}
