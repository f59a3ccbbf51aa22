package dev.faxreports.micrometer;

import dev.faxreports.observe.DataCenterFailed;
import dev.faxreports.observe.DrainObserver;
import dev.faxreports.observe.DrainStarted;
import dev.faxreports.observe.FaxReportsObserver;
import dev.faxreports.observe.PageListed;
import dev.faxreports.observe.RequestObserver;
import dev.faxreports.observe.RequestStarted;
import dev.faxreports.observe.RetryScheduled;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * Records what the facade does as Micrometer meters ({@link FaxReportsMeters}) and, given an {@link
 * ObservationRegistry}, as observations ({@link FaxReportsObservation}) — so metrics and, with
 * micrometer-tracing or the OpenTelemetry bridge, spans come from this one instrumentation:
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
 * a meter handler on that registry (Spring Boot adds one) cannot collide with these meters. Their
 * names and key values come from a convention you may replace ({@link
 * Builder#requestObservationConvention}, {@link Builder#drainObservationConvention}); the meters'
 * names and tags are fixed.
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

  private final MeterObserver meters;
  private final ObservationObserver observations;

  private MicrometerObserver(Builder builder) {
    this.meters = new MeterObserver(builder.registry, builder.customerNumber, builder.latencyHistogram,
        builder.clock);
    this.observations = new ObservationObserver(builder.observations, builder.requestConvention,
        builder.drainConvention);
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
    return meters.registry();
  }

  @Override
  public RequestObserver requestStarted(RequestStarted request) {
    RequestObserver metered = meters.requestStarted(request);
    RequestObserver observed = observations.requestStarted(request);
    if (observed == RequestObserver.NONE) {
      return metered;
    }
    return finished -> {
      metered.finished(finished);
      observed.finished(finished);
    };
  }

  @Override
  public void retryScheduled(RetryScheduled retry) {
    meters.retryScheduled(retry);
  }

  @Override
  public void dataCenterFailed(DataCenterFailed failed) {
    meters.dataCenterFailed(failed);
  }

  @Override
  public void pageListed(PageListed page) {
    meters.pageListed(page);
  }

  @Override
  public DrainObserver drainStarted(DrainStarted drain) {
    DrainObserver metered = meters.drainStarted(drain);
    DrainObserver observed = observations.drainStarted(drain);
    return observed == DrainObserver.NONE ? metered : new DrainObserverPair(metered, observed);
  }

  @Override
  public String toString() {
    return "MicrometerObserver[" + registry().getClass().getSimpleName()
        + (observations.isNoop() ? "" : ", observations") + "]";
  }

  /** Where the meters and observations go and what they carry. */
  public static final class Builder {
    private final MeterRegistry registry;
    private ObservationRegistry observations = ObservationRegistry.NOOP;
    private FaxReportsRequestObservationConvention requestConvention;
    private FaxReportsDrainObservationConvention drainConvention;
    private String customerNumber;
    private boolean latencyHistogram;
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
     * Names and tags each attempt's observation with {@code convention}, instead of a global
     * convention registered on the observation registry or {@link
     * DefaultFaxReportsRequestObservationConvention}. The meters stay as they are. Default: none.
     */
    public Builder requestObservationConvention(FaxReportsRequestObservationConvention convention) {
      this.requestConvention = convention;
      return this;
    }

    /**
     * Names and tags each drain's observation with {@code convention}, instead of a global
     * convention registered on the observation registry or {@link
     * DefaultFaxReportsDrainObservationConvention}. The meters stay as they are. Default: none.
     */
    public Builder drainObservationConvention(FaxReportsDrainObservationConvention convention) {
      this.drainConvention = convention;
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
      this.latencyHistogram = publish;
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
