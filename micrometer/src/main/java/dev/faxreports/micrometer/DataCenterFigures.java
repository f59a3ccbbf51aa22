package dev.faxreports.micrometer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One data center's figures, read back from the meters {@link MicrometerObserver} recorded — for a
 * summary at the end of a run (the CLI's drain summary):
 *
 * <pre>{@code
 * Map<String, DataCenterFigures> figures = DataCenterFigures.byDataCenter(registry);
 * }</pre>
 *
 * @param dataCenter the data center's name
 * @param requests attempts sent, retries included
 * @param failedRequests attempts that did not succeed
 * @param retries retries scheduled
 * @param bytes bytes of the successful answers' bodies, as decoded
 * @param p50 the median attempt duration, or {@code null} without the latency histogram ({@link
 *     MicrometerObserver.Builder#latencyHistogram})
 * @param p99 the 99th percentile, or {@code null} likewise; both are histogram bucket bounds
 */
public record DataCenterFigures(
    String dataCenter, long requests, long failedRequests, long retries, long bytes, Duration p50,
    Duration p99) {

  /** The figures of every data center with meters in {@code registry}, by name, sorted. */
  public static Map<String, DataCenterFigures> byDataCenter(MeterRegistry registry) {
    Map<String, Builder> builders = new TreeMap<>();
    Function<String, Builder> of = name -> builders.computeIfAbsent(name, Builder::new);
    for (Timer timer : registry.find(FaxReportsMeters.REQUESTS).timers()) {
      Builder figures = of.apply(timer.getId().getTag(FaxReportsMeters.DATA_CENTER));
      figures.requests += timer.count();
      if (!"success".equals(timer.getId().getTag(FaxReportsMeters.OUTCOME))) {
        figures.failed += timer.count();
      }
      figures.add(timer.takeSnapshot().histogramCounts());
    }
    for (Counter counter : registry.find(FaxReportsMeters.RETRIES).counters()) {
      of.apply(counter.getId().getTag(FaxReportsMeters.DATA_CENTER)).retries += (long) counter.count();
    }
    for (DistributionSummary size : registry.find(FaxReportsMeters.RESPONSE_SIZE).summaries()) {
      of.apply(size.getId().getTag(FaxReportsMeters.DATA_CENTER)).bytes += (long) size.totalAmount();
    }
    Map<String, DataCenterFigures> figures = new TreeMap<>();
    builders.forEach((name, builder) -> figures.put(name, builder.build()));
    return figures;
  }

  /** Sums across one data center's timers; their histograms share bucket bounds, so they add up. */
  private static final class Builder {
    private final String dataCenter;
    private long requests;
    private long failed;
    private long retries;
    private long bytes;
    private final TreeMap<Double, Double> cumulativeByBoundNanos = new TreeMap<>();

    Builder(String dataCenter) {
      this.dataCenter = dataCenter;
    }

    void add(CountAtBucket[] buckets) {
      for (CountAtBucket bucket : buckets) {
        cumulativeByBoundNanos.merge(bucket.bucket(TimeUnit.NANOSECONDS), bucket.count(), Double::sum);
      }
    }

    DataCenterFigures build() {
      return new DataCenterFigures(dataCenter, requests, failed, retries, bytes, percentile(0.5), percentile(0.99));
    }

    /** The smallest bucket bound holding at least {@code q} of the requests (counts are cumulative). */
    private Duration percentile(double q) {
      if (cumulativeByBoundNanos.isEmpty() || requests == 0) {
        return null;
      }
      double wanted = q * requests;
      for (Map.Entry<Double, Double> bucket : cumulativeByBoundNanos.entrySet()) {
        if (bucket.getValue() >= wanted) {
          return Duration.ofNanos(bucket.getKey().longValue());
        }
      }
      return Duration.ofNanos(cumulativeByBoundNanos.lastKey().longValue());
    }
  }
}
