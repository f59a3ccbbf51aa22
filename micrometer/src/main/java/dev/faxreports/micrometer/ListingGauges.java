package dev.faxreports.micrometer;

import dev.faxreports.observe.PageListed;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pending and oldest-age gauges of each data center, from its last listing. The age is
 * computed when the gauge is read, not when the listing came: a drain that stalls shows an age that
 * keeps growing — exactly the early warning before Retarus expires reports.
 */
final class ListingGauges {

  /** What the last listing of one data center said; the gauges read it (and hold it strongly). */
  static final class Listing {
    volatile int pending;
    volatile Instant oldest;
  }

  private final MeterRegistry registry;
  private final Tags commonTags;
  private final Clock clock;
  // Gauges keep only weak references to what they read: this map keeps the state alive.
  private final Map<String, Listing> byDataCenter = new ConcurrentHashMap<>();

  ListingGauges(MeterRegistry registry, Tags commonTags, Clock clock) {
    this.registry = registry;
    this.commonTags = commonTags;
    this.clock = clock;
  }

  void listed(PageListed page) {
    Listing listing = byDataCenter.computeIfAbsent(page.dataCenter().name(), this::register);
    listing.pending = page.size();
    listing.oldest = page.oldestSentTs();
  }

  private Listing register(String dataCenter) {
    Listing listing = new Listing();
    Tags tags = commonTags.and(FaxReportsMeters.DATA_CENTER, dataCenter);
    Gauge.builder(FaxReportsMeters.REPORTS_PENDING, listing, l -> l.pending)
        .description("Reports in the data center's last listing (0-1000; 1000 means at least that many)")
        .tags(tags)
        .register(registry);
    Gauge.builder(FaxReportsMeters.REPORTS_OLDEST_AGE, listing, this::oldestAgeSeconds)
        .description("Seconds since the oldest sentTs of the data center's last listing; 0 when it was empty."
            + " Retarus expires reports after the account's retention (30 days by default)")
        .baseUnit("seconds")
        .tags(tags)
        .register(registry);
    return listing;
  }

  private double oldestAgeSeconds(Listing listing) {
    Instant oldest = listing.oldest;
    if (oldest == null) {
      return 0;
    }
    return Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0);
  }
}
